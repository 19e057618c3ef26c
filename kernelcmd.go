package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"syscall"

	"github.com/gograd/gograd/interp"
	"github.com/gograd/gograd/kernel"
)

// kernelCmd serves one notebook until Jupyter shuts the kernel down.
func kernelCmd(args []string) error {
	if len(args) != 1 {
		return errors.New("usage: gograd kernel CONNECTION_FILE")
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: logLevel()}))
	conn, err := kernel.ReadConnectionFile(args[0])
	if err != nil {
		return err
	}
	k, err := kernel.New(kernel.Config{
		Conn:        conn,
		Interpreter: goInterpreter{startSession(interp.Options{Logger: logger})},
		Info:        kernelInfo(),
		Logger:      logger,
	})
	if err != nil {
		return err
	}

	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	// Front ends also signal the process group on interrupt: an untrapped SIGINT would kill
	// the kernel and every variable with it. SIGTERM is a polite shutdown.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		for sig := range signals {
			if sig == os.Interrupt {
				k.Interrupt()
				continue
			}
			stop()
		}
	}()

	restart, err := k.Run(ctx)
	logger.Info("kernel stopped", "restart", restart, "err", err)
	return err
}

// kernelInfo is what kernel_info_reply says about gograd and Go.
func kernelInfo() kernel.Info {
	return kernel.Info{
		Implementation:        "gograd",
		ImplementationVersion: version,
		Banner: fmt.Sprintf("gograd %s: Go (%s, interpreted by yaegi) with nn and display for backprop",
			version, runtime.Version()),
		Language: kernel.LanguageInfo{
			Name:           "go",
			Version:        runtime.Version()[2:],
			MIMEType:       "text/x-go",
			FileExtension:  ".go",
			PygmentsLexer:  "go",
			CodeMirrorMode: "go",
		},
		HelpLinks: []kernel.HelpLink{
			{Text: "Go documentation", URL: "https://go.dev/doc/"},
			{Text: "Go standard library", URL: "https://pkg.go.dev/std"},
		},
	}
}

// logLevel reads GOGRAD_LOG (debug, info, warn, error); warnings by default so that the
// Jupyter server's log stays quiet.
func logLevel() slog.Level {
	var l slog.Level = slog.LevelWarn
	if s := os.Getenv("GOGRAD_LOG"); s != "" {
		_ = l.UnmarshalText([]byte(s))
	}
	return l
}
