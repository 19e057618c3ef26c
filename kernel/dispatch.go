package kernel

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"strings"
	"time"
)

// request is one request being handled, with the socket its reply goes to.
type request struct {
	k       *Kernel
	msg     *message
	sock    *sender
	replied bool
}

// replyType is the reply's msg_type for a request type: "x_request" -> "x_reply".
func replyType(msgType string) string {
	return strings.TrimSuffix(msgType, "_request") + "_reply"
}

// reply sends content as the reply to r on the socket r came in on.
func (r *request) reply(content any) {
	r.replied = true
	r.k.sendTo(r.sock, r.msg.ids, r.msg, replyType(r.msg.header.MsgType), content)
}

// statusContent is the content of a status message.
type statusContent struct {
	ExecutionState string `json:"execution_state"`
}

// dispatch handles one request from s: status busy, the handler (under a recover), status idle.
func (k *Kernel) dispatch(ctx context.Context, s *sender, m *message) {
	k.publish(m, "status", statusContent{"busy"})
	defer k.publish(m, "status", statusContent{"idle"})
	r := &request{k: k, msg: m, sock: s}
	defer func() {
		if p := recover(); p != nil {
			k.log.Error("kernel: panic while handling a message", "msg_type", m.header.MsgType,
				"panic", p, "stack", string(debug.Stack()))
			if !r.replied && strings.HasSuffix(m.header.MsgType, "_request") {
				r.reply(errorReply("InternalError", fmt.Sprintf("kernel: panic: %v", p)))
			}
		}
	}()
	k.handle(ctx, r)
}

// handle is the dispatch table.
func (k *Kernel) handle(ctx context.Context, r *request) {
	switch t := r.msg.header.MsgType; t {
	case "kernel_info_request":
		k.kernelInfo(r)
	case "execute_request":
		if r.sock != k.socks.shell {
			k.unknown(r)
			return
		}
		k.execute(ctx, r)
	case "complete_request":
		k.complete(r)
	case "inspect_request":
		k.inspect(r)
	case "is_complete_request":
		k.isComplete(r)
	case "history_request":
		k.history(r)
	case "comm_info_request":
		r.reply(map[string]any{"status": "ok", "comms": map[string]any{}})
	case "comm_open":
		k.commOpen(r)
	case "comm_msg", "comm_close":
		// No comm targets exist: ignore quietly, as ipykernel does for unknown comms.
	case "shutdown_request":
		k.shutdown(r)
	case "interrupt_request":
		k.Interrupt()
		r.reply(map[string]any{"status": "ok"})
	default:
		k.unknown(r)
	}
}

// unknown logs a message nobody handles and answers it when it is a request.
func (k *Kernel) unknown(r *request) {
	t := r.msg.header.MsgType
	k.log.Warn("kernel: unknown message type", "msg_type", t, "channel", r.sock.name)
	if !strings.HasSuffix(t, "_request") {
		return
	}
	r.reply(errorReply("UnknownMessageType", "kernel: cannot handle "+t+" on "+r.sock.name))
}

// errorReply is the content of a reply with status error.
func errorReply(ename, evalue string) map[string]any {
	return map[string]any{"status": "error", "ename": ename, "evalue": evalue,
		"traceback": []string{ename + ": " + evalue}}
}

// publish sends a message on iopub with parent as parent (nil: none).
func (k *Kernel) publish(parent *message, msgType string, content any) {
	topic := [][]byte{[]byte("kernel." + k.session + "." + msgType)}
	k.sendTo(k.socks.iopub, topic, parent, msgType, content)
}

// sendTo builds, signs and sends a message; failures are logged, never returned: there is no
// one to return them to.
func (k *Kernel) sendTo(s *sender, ids [][]byte, parent *message, msgType string, content any) {
	m, err := k.newMessage(parent, msgType, content)
	if err != nil {
		k.log.Error("kernel: cannot build message", "msg_type", msgType, "err", err)
		return
	}
	m.ids = ids
	frames, err := m.encode(k.signer)
	if err == nil {
		err = s.send(frames)
	}
	if err != nil && err != errClosed {
		k.log.Warn("kernel: send", "channel", s.name, "msg_type", msgType, "err", err)
	}
}

// newMessage returns a message with a fresh header.
func (k *Kernel) newMessage(parent *message, msgType string, content any) (*message, error) {
	c, err := json.Marshal(content)
	if err != nil {
		return nil, err
	}
	m := &message{header: newHeader(k.session, msgType, time.Now()), parent: emptyObject,
		metadata: emptyObject, content: c}
	if parent != nil {
		m.parent = parent.rawHeader
		if m.parent == nil {
			if m.parent, err = json.Marshal(parent.header); err != nil {
				return nil, err
			}
		}
	}
	return m, nil
}
