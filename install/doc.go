// Package install writes the gograd kernelspec where Jupyter looks for kernels.
//
// A kernelspec is a folder named after the kernel ("gograd") holding kernel.json, which tells
// Jupyter how to start the kernel, and the logos front ends show in their launchers. The
// folder lives in a Jupyter data directory: the user's (the default), the one of the Python
// environment Jupyter runs in (--sys-prefix), or one under any prefix (--prefix DIR).
//
// The logos are drawn by logo_gen.go (`go generate`) and embedded, so the binary alone can
// install itself.
package install

//go:generate go run logo_gen.go
