package stdlib

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/traefik/yaegi/interp"
	yaegistdlib "github.com/traefik/yaegi/stdlib"
)

// eval runs pieces of code in turn in an interpreter given tables and returns what it
// printed and the first error.
func eval(t *testing.T, tables interp.Exports, pieces ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	i := interp.New(interp.Options{Stdout: &out, Stderr: &out})
	if err := i.Use(tables); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, p := range pieces {
		if _, err := i.EvalWithContext(ctx, p); err != nil {
			return out.String(), err
		}
	}
	return out.String(), nil
}

// Symbols added after Go 1.22 reach cells through Merge, and yaegi alone lacks them.
func TestMergeAddsNewerSymbols(t *testing.T) {
	imports := `import (
	"fmt"
	"math/rand/v2"
	"strings"
)`
	code := `r := rand.New(rand.NewPCG(1, 2))
fmt.Println(strings.Lines != nil, r.IntN(10) < 10)`
	if _, err := eval(t, yaegistdlib.Symbols, imports, code); err == nil {
		t.Error("yaegi's own tables already have strings.Lines and math/rand/v2: Merge may be unnecessary")
	}
	got, err := eval(t, Merge(yaegistdlib.Symbols), imports, code)
	if err != nil {
		t.Fatal(err)
	}
	if got != "true true\n" {
		t.Errorf("printed %q", got)
	}
}

// yaegi's sandboxing wrappers win over the generated symbols: os.Exit panics, so a cell
// cannot end the kernel.
func TestMergeKeepsRestrictedWrappers(t *testing.T) {
	m := Merge(yaegistdlib.Symbols)
	if m["os/os"]["Exit"].Pointer() != yaegistdlib.Symbols["os/os"]["Exit"].Pointer() {
		t.Error("os.Exit is not yaegi's wrapper")
	}
	_, err := eval(t, m, `import "os"`, "os.Exit(3)")
	if err == nil {
		t.Fatal("os.Exit returned no error")
	}
	if _, ok := m["."]; !ok {
		t.Error("MapTypes entry lost")
	}
}
