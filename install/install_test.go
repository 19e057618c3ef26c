package install

import (
	"encoding/json"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func fakeEnv(goos string, vars map[string]string) Env {
	return Env{
		Getenv:     func(k string) string { return vars[k] },
		GOOS:       goos,
		Home:       "/home/ada",
		PythonPref: func() (string, error) { return "/opt/conda", nil },
	}
}

func TestDataDir(t *testing.T) {
	tests := []struct {
		name   string
		goos   string
		vars   map[string]string
		scope  Scope
		prefix string
		want   string
	}{
		{"linux default", "linux", nil, User, "", "/home/ada/.local/share/jupyter"},
		{"linux XDG", "linux", map[string]string{"XDG_DATA_HOME": "/x"}, User, "", "/x/jupyter"},
		{"JUPYTER_DATA_DIR wins", "darwin", map[string]string{"JUPYTER_DATA_DIR": "/j"}, User, "", "/j"},
		{"macOS", "darwin", nil, User, "", "/home/ada/Library/Jupyter"},
		{"windows APPDATA", "windows", map[string]string{"APPDATA": "/appdata"}, User, "", "/appdata/jupyter"},
		{"sys-prefix", "linux", nil, SysPrefix, "", "/opt/conda/share/jupyter"},
		{"prefix", "linux", nil, Prefix, "/usr/local", "/usr/local/share/jupyter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DataDir(fakeEnv(tt.goos, tt.vars), tt.scope, tt.prefix)
			if err != nil {
				t.Fatal(err)
			}
			if got != filepath.FromSlash(tt.want) {
				t.Errorf("DataDir = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDataDirErrors(t *testing.T) {
	if _, err := DataDir(fakeEnv("linux", nil), Prefix, ""); err == nil {
		t.Error("--prefix without a directory was accepted")
	}
	env := fakeEnv("linux", nil)
	env.PythonPref = func() (string, error) { return "", errors.New("no python") }
	if _, err := DataDir(env, SysPrefix, ""); err == nil {
		t.Error("--sys-prefix without python was accepted")
	}
}

func TestSearchPathPutsJupyterPathFirst(t *testing.T) {
	got := SearchPath(fakeEnv("linux", map[string]string{"JUPYTER_PATH": "/a" + string(filepath.ListSeparator) + "/b"}))
	want := []string{"/a", "/b", "/home/ada/.local/share/jupyter"}
	if len(got) != len(want) {
		t.Fatalf("SearchPath = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("SearchPath[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestWrite(t *testing.T) {
	data := t.TempDir()
	dir, err := Write(data, "/usr/local/bin/gograd")
	if err != nil {
		t.Fatal(err)
	}
	if dir != filepath.Join(data, "kernels", "gograd") {
		t.Errorf("kernelspec dir = %q", dir)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
	if err != nil {
		t.Fatal(err)
	}
	var spec map[string]any
	if err := json.Unmarshal(raw, &spec); err != nil {
		t.Fatal(err)
	}
	argv, _ := spec["argv"].([]any)
	if len(argv) != 3 || argv[0] != "/usr/local/bin/gograd" || argv[1] != "kernel" || argv[2] != "{connection_file}" {
		t.Errorf("argv = %v", spec["argv"])
	}
	for k, want := range map[string]string{"display_name": "Go (gograd)", "language": "go", "interrupt_mode": "message"} {
		if spec[k] != want {
			t.Errorf("%s = %v, want %q", k, spec[k], want)
		}
	}
	for name, size := range map[string]int{"logo-32x32.png": 32, "logo-64x64.png": 64} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
			t.Errorf("%s is %v, want %dx%d", name, b, size, size)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "logo-svg.svg")); err != nil {
		t.Error(err)
	}
}

func TestWriteRejectsRelativeBinary(t *testing.T) {
	if _, err := Write(t.TempDir(), "gograd"); err == nil {
		t.Error("a relative binary path was accepted: Jupyter would not find it")
	}
}
