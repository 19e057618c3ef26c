package install

import (
	"embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// KernelName is the kernelspec's folder name, what `jupyter console --kernel` takes.
const KernelName = "gograd"

//go:embed kernelspec
var assets embed.FS

// Spec is the content of kernel.json.
type Spec struct {
	Argv          []string          `json:"argv"`
	DisplayName   string            `json:"display_name"`
	Language      string            `json:"language"`
	InterruptMode string            `json:"interrupt_mode"`
	Env           map[string]string `json:"env,omitempty"`
	Metadata      map[string]any    `json:"metadata,omitempty"`
}

// NewSpec returns the kernelspec that starts binary (an absolute path) as a kernel. Interrupts
// come as messages on the control channel, which work on every platform and while a cell runs
// native code.
func NewSpec(binary string) Spec {
	return Spec{
		Argv:          []string{binary, "kernel", "{connection_file}"},
		DisplayName:   "Go (gograd)",
		Language:      "go",
		InterruptMode: "message",
		Metadata:      map[string]any{"debugger": false},
	}
}

// Write creates dataDir/kernels/gograd with kernel.json for binary and the logos, replacing an
// older install there. It returns the kernelspec's folder.
func Write(dataDir, binary string) (string, error) {
	if !filepath.IsAbs(binary) {
		return "", fmt.Errorf("install: the kernel binary path %q is not absolute", binary)
	}
	dir := filepath.Join(dataDir, "kernels", KernelName)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("install: %w", err)
	}
	js, err := json.MarshalIndent(NewSpec(binary), "", "  ")
	if err != nil {
		return "", fmt.Errorf("install: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "kernel.json"), append(js, '\n'), 0o644); err != nil {
		return "", fmt.Errorf("install: %w", err)
	}
	logos, err := assets.ReadDir("kernelspec")
	if err != nil {
		return "", fmt.Errorf("install: %w", err)
	}
	for _, l := range logos {
		b, err := assets.ReadFile("kernelspec/" + l.Name())
		if err != nil {
			return "", fmt.Errorf("install: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dir, l.Name()), b, 0o644); err != nil {
			return "", fmt.Errorf("install: %w", err)
		}
	}
	return dir, nil
}
