package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/gograd/gograd/install"
)

// installCmd writes the kernelspec for this very binary.
func installCmd(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("install", flag.ContinueOnError)
	user := fs.Bool("user", false, "install for this user (the default)")
	sysPrefix := fs.Bool("sys-prefix", false, "install into the Python environment Jupyter runs in")
	prefix := fs.String("prefix", "", "install into `DIR`/share/jupyter")
	if err := fs.Parse(args); err != nil {
		return err
	}
	scope := install.User
	switch {
	case *sysPrefix && (*prefix != "" || *user), *prefix != "" && *user:
		return fmt.Errorf("gograd install: choose one of --user, --sys-prefix, --prefix")
	case *sysPrefix:
		scope = install.SysPrefix
	case *prefix != "":
		scope = install.Prefix
	}
	env := install.DefaultEnv()
	data, err := install.DataDir(env, scope, *prefix)
	if err != nil {
		return err
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("gograd install: %w", err)
	}
	if exe, err = filepath.EvalSymlinks(exe); err != nil {
		return fmt.Errorf("gograd install: %w", err)
	}
	dir, err := install.Write(data, exe)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Installed kernelspec %q (Go (gograd)) in %s\n", install.KernelName, dir)
	if scope == install.Prefix {
		fmt.Fprintf(stdout, "Jupyter finds it when %s is on JUPYTER_PATH.\n", data)
	}
	return nil
}
