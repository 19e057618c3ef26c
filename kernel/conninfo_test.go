package kernel

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestReadConnectionFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// As jupyter_client writes it, with fields the kernel does not use.
	good := write("good.json", `{"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003,
		"control_port": 5004, "hb_port": 5005, "ip": "127.0.0.1", "key": "a-b-c",
		"transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "gograd",
		"jupyter_session": "x"}`)
	ci, err := ReadConnectionFile(good)
	if err != nil {
		t.Fatal(err)
	}
	if ci.ShellPort != 5001 || ci.HBPort != 5005 || ci.Key != "a-b-c" || ci.KernelName != "gograd" {
		t.Errorf("read %+v", ci)
	}
	if ep := ci.endpoint(ci.IOPubPort); ep != "tcp://127.0.0.1:5002" {
		t.Errorf("endpoint = %s", ep)
	}
	for name, body := range map[string]string{
		"notjson.json": `{`,
		"scheme.json":  `{"transport":"tcp","ip":"1.2.3.4","signature_scheme":"hmac-md5","shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5}`,
		"port.json":    `{"transport":"tcp","ip":"1.2.3.4","shell_port":0,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5}`,
		"udp.json":     `{"transport":"udp","ip":"1.2.3.4"}`,
	} {
		if _, err := ReadConnectionFile(write(name, body)); err == nil || !strings.HasPrefix(err.Error(), "kernel: ") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	if _, err := ReadConnectionFile(filepath.Join(dir, "missing.json")); !os.IsNotExist(unwrapAll(err)) {
		t.Errorf("missing file: err = %v", err)
	}
}

// unwrapAll returns the innermost wrapped error.
func unwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok || u.Unwrap() == nil {
			return err
		}
		err = u.Unwrap()
	}
}

func TestNewAndRunReportMisuse(t *testing.T) {
	ci := ConnectionInfo{Transport: "tcp", IP: "127.0.0.1", ShellPort: 1, IOPubPort: 2, StdinPort: 3, ControlPort: 4, HBPort: 5}
	if _, err := New(Config{Conn: ci}); err == nil {
		t.Error("New accepted a config without interpreter")
	}
	// A port already taken makes Run fail cleanly, without leaving sockets bound.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	p := freePorts(t, 4)
	ci = ConnectionInfo{Transport: "tcp", IP: "127.0.0.1", ShellPort: p[0], IOPubPort: p[1], StdinPort: p[2],
		ControlPort: p[3], HBPort: l.Addr().(*net.TCPAddr).Port}
	k, err := New(Config{Conn: ci, Interpreter: bareInterp{}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := k.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "bind heartbeat") {
		t.Errorf("Run on a taken port: err = %v", err)
	}
	if _, err := k.Run(context.Background()); err == nil {
		t.Error("second Run accepted")
	}
	for _, port := range p {
		l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(port))
		if err != nil {
			t.Errorf("port %d still bound after the failed Run: %v", port, err)
			continue
		}
		l.Close()
	}
}
