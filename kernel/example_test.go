package kernel_test

import (
	"context"
	"log"
	"os"
	"os/signal"
	"strings"

	"github.com/gograd/gograd/kernel"
)

// shout is an Interpreter that prints every cell in capitals.
type shout struct{}

func (shout) Execute(ctx context.Context, code string, out kernel.Output) (kernel.Result, error) {
	out.Stream("stdout", strings.ToUpper(code)+"\n")
	return kernel.Result{Data: kernel.MIMEBundle{"text/plain": "done"}}, nil
}

// This is how a kernel command serves a connection file: SIGINT interrupts the running cell,
// and Run returns after a shutdown_request.
func Example() {
	conn, err := kernel.ReadConnectionFile(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	k, err := kernel.New(kernel.Config{Conn: conn, Interpreter: shout{}, Info: kernel.Info{
		Implementation: "shout",
		Language:       kernel.LanguageInfo{Name: "shout", Version: "1", MIMEType: "text/plain", FileExtension: ".txt"},
	}})
	if err != nil {
		log.Fatal(err)
	}
	sigint := make(chan os.Signal, 1)
	signal.Notify(sigint, os.Interrupt)
	go func() {
		for range sigint {
			k.Interrupt()
		}
	}()
	restart, err := k.Run(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	if restart {
		os.Exit(0) // the front end starts a new process
	}
}
