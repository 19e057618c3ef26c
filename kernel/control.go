package kernel

import "encoding/json"

// shutdown answers shutdown_request and asks Run to stop. Run cancels the running cell.
func (k *Kernel) shutdown(r *request) {
	var req struct {
		Restart bool `json:"restart"`
	}
	if err := json.Unmarshal(r.msg.content, &req); err != nil {
		k.log.Warn("kernel: bad shutdown_request content", "err", err)
	}
	r.reply(map[string]any{"status": "ok", "restart": req.Restart})
	k.requestStop(req.Restart)
}
