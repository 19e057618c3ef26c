package kernel

import "encoding/json"

// commOpen politely refuses a comm: the kernel has no comm targets, so it closes the comm at
// once, which front ends (ipywidgets included) understand.
func (k *Kernel) commOpen(r *request) {
	var c struct {
		CommID     string `json:"comm_id"`
		TargetName string `json:"target_name"`
	}
	if err := json.Unmarshal(r.msg.content, &c); err != nil || c.CommID == "" {
		k.log.Warn("kernel: bad comm_open", "err", err)
		return
	}
	k.log.Info("kernel: refusing comm", "target_name", c.TargetName)
	k.publish(r.msg, "comm_close", map[string]any{"comm_id": c.CommID, "data": map[string]any{}})
}
