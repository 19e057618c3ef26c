// Command gograd is a Jupyter kernel for Go, built for learning backpropagation.
//
//	gograd kernel CONNECTION_FILE   serve one notebook (what kernel.json runs)
//	gograd install [--user|--sys-prefix|--prefix DIR]
//	                                install the "gograd" kernelspec for Jupyter
//	gograd run FILE.go|FILE.ipynb   run Go cells in the terminal, no Jupyter needed
//	gograd version                  print the version
//
// This is the only package that imports both the protocol (kernel) and the language
// (interp); adapt.go joins the two.
package main

import (
	"fmt"
	"io"
	"os"
)

// version is set at release time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

const usage = `gograd: a Jupyter kernel for Go

usage:
  gograd install [--user | --sys-prefix | --prefix DIR]   install the kernelspec (default --user)
  gograd kernel CONNECTION_FILE                            run the kernel (Jupyter does this)
  gograd run FILE.go|FILE.ipynb                            run cells in the terminal
  gograd version                                           print the version
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches a command line and returns the process exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "kernel":
		err = kernelCmd(args[1:])
	case "install":
		err = installCmd(args[1:], stdout)
	case "run":
		err = runCmd(args[1:], stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintf(stdout, "gograd %s\n", version)
	case "help", "--help", "-h":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "gograd: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}
