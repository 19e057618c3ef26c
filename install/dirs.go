package install

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// Scope says which Jupyter data directory to install into.
type Scope int

const (
	// User is the user's own data directory; no privileges needed.
	User Scope = iota
	// SysPrefix is the data directory of the Python environment Jupyter runs in.
	SysPrefix
	// Prefix is PREFIX/share/jupyter for a prefix given by the caller.
	Prefix
)

// Env is what data-directory lookup reads from the outside world: environment variables, the
// operating system and the Python prefix. Tests fill it in; DefaultEnv reads the real ones.
type Env struct {
	Getenv     func(string) string
	GOOS       string
	Home       string
	PythonPref func() (string, error) // sys.prefix of the Python that runs Jupyter
}

// DefaultEnv reads the real environment.
func DefaultEnv() Env {
	home, _ := os.UserHomeDir()
	return Env{Getenv: os.Getenv, GOOS: runtime.GOOS, Home: home, PythonPref: pythonPrefix}
}

// DataDir returns the Jupyter data directory for scope, following jupyter_core's rules:
// JUPYTER_DATA_DIR wins for the user directory, then the platform's default.
func DataDir(env Env, scope Scope, prefix string) (string, error) {
	switch scope {
	case User:
		return userDataDir(env)
	case SysPrefix:
		p, err := env.PythonPref()
		if err != nil {
			return "", err
		}
		return filepath.Join(p, "share", "jupyter"), nil
	case Prefix:
		if prefix == "" {
			return "", errors.New("install: --prefix needs a directory")
		}
		abs, err := filepath.Abs(prefix)
		if err != nil {
			return "", fmt.Errorf("install: %w", err)
		}
		return filepath.Join(abs, "share", "jupyter"), nil
	}
	return "", fmt.Errorf("install: unknown scope %d", scope)
}

func userDataDir(env Env) (string, error) {
	if d := env.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return filepath.Abs(d)
	}
	if env.Home == "" {
		return "", errors.New("install: no home directory; set JUPYTER_DATA_DIR")
	}
	switch env.GOOS {
	case "darwin":
		return filepath.Join(env.Home, "Library", "Jupyter"), nil
	case "windows":
		if app := env.Getenv("APPDATA"); app != "" {
			return filepath.Join(app, "jupyter"), nil
		}
		return filepath.Join(env.Home, "AppData", "Roaming", "jupyter"), nil
	}
	if x := env.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "jupyter"), nil
	}
	return filepath.Join(env.Home, ".local", "share", "jupyter"), nil
}

// SearchPath returns the data directories Jupyter searches for kernelspecs, first match
// first: JUPYTER_PATH entries, then the user directory. (The system directories follow; they
// are not needed to tell whether an install will be found.)
func SearchPath(env Env) []string {
	var dirs []string
	for _, d := range filepath.SplitList(env.Getenv("JUPYTER_PATH")) {
		if d != "" {
			dirs = append(dirs, d)
		}
	}
	if u, err := userDataDir(env); err == nil {
		dirs = append(dirs, u)
	}
	return dirs
}

// pythonPrefix asks the active Python for sys.prefix: a virtualenv or conda environment when
// one is active, else the python3 on PATH.
func pythonPrefix() (string, error) {
	for _, v := range []string{"VIRTUAL_ENV", "CONDA_PREFIX"} {
		if p := os.Getenv(v); p != "" {
			return p, nil
		}
	}
	for _, py := range []string{"python3", "python"} {
		out, err := exec.Command(py, "-c", "import sys; print(sys.prefix)").Output()
		if err == nil {
			return strings.TrimSpace(string(out)), nil
		}
	}
	return "", errors.New("install: --sys-prefix needs python3 on PATH (or VIRTUAL_ENV/CONDA_PREFIX)")
}
