package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/traefik/yaegi/extract"
)

// The nn symbol table cells see must match nn's API: regenerate it (see
// interp/symbols/symbols.go) whenever this fails.
func TestNNSymbolsAreFresh(t *testing.T) {
	var buf bytes.Buffer
	ext := extract.Extractor{Dest: "symbols"}
	if _, err := ext.Extract("github.com/gograd/gograd/nn", "symbols", &buf); err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join("..", "..", "interp", "symbols", "github_com-gograd-gograd-nn.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), committed) {
		t.Error("interp/symbols/github_com-gograd-gograd-nn.go is stale: run, in interp/symbols, " +
			"go run github.com/traefik/yaegi/cmd/yaegi extract -name symbols github.com/gograd/gograd/nn")
	}
}
