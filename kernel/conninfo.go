package kernel

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
)

// ConnectionInfo is the content of a Jupyter connection file: where the five sockets listen and
// how messages are signed.
type ConnectionInfo struct {
	Transport       string `json:"transport"`        // "tcp" (or "ipc")
	IP              string `json:"ip"`               // such as "127.0.0.1"
	SignatureScheme string `json:"signature_scheme"` // "hmac-sha256"
	Key             string `json:"key"`              // HMAC key; empty disables signing
	ShellPort       int    `json:"shell_port"`       // ROUTER for requests
	IOPubPort       int    `json:"iopub_port"`       // PUB for outputs and status
	StdinPort       int    `json:"stdin_port"`       // ROUTER for input requests
	ControlPort     int    `json:"control_port"`     // ROUTER for interrupt and shutdown
	HBPort          int    `json:"hb_port"`          // REP echoing heartbeats
	KernelName      string `json:"kernel_name"`      // kernelspec name; informative only
}

// ReadConnectionFile reads and checks the connection file at path.
func ReadConnectionFile(path string) (ConnectionInfo, error) {
	var ci ConnectionInfo
	b, err := os.ReadFile(path)
	if err != nil {
		return ci, fmt.Errorf("kernel: read connection file: %w", err)
	}
	if err := json.Unmarshal(b, &ci); err != nil {
		return ci, fmt.Errorf("kernel: parse connection file %s: %w", path, err)
	}
	if err := ci.check(); err != nil {
		return ci, err
	}
	return ci, nil
}

// check reports what makes ci unusable.
func (ci ConnectionInfo) check() error {
	if ci.Transport != "tcp" && ci.Transport != "ipc" {
		return fmt.Errorf("kernel: unsupported transport %q", ci.Transport)
	}
	if ci.IP == "" {
		return fmt.Errorf("kernel: connection info has no ip")
	}
	if ci.SignatureScheme != "" && ci.SignatureScheme != "hmac-sha256" {
		return fmt.Errorf("kernel: unsupported signature scheme %q", ci.SignatureScheme)
	}
	if ci.Transport == "tcp" {
		for _, p := range []int{ci.ShellPort, ci.IOPubPort, ci.StdinPort, ci.ControlPort, ci.HBPort} {
			if p <= 0 || p > 65535 {
				return fmt.Errorf("kernel: bad port %d in connection info", p)
			}
		}
	}
	return nil
}

// endpoint is the zmq address of one channel: tcp://ip:port, or ipc://ip-port as jupyter_client
// names ipc endpoints.
func (ci ConnectionInfo) endpoint(port int) string {
	if ci.Transport == "ipc" {
		return "ipc://" + ci.IP + "-" + strconv.Itoa(port)
	}
	return "tcp://" + ci.IP + ":" + strconv.Itoa(port)
}
