package display

import (
	"testing"

	"github.com/gograd/gograd/display"
	"github.com/gograd/gograd/interp/symbols"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// newInterp returns an interpreter with the standard library and the generated symbols.
func newInterp(t *testing.T) *interp.Interpreter {
	t.Helper()
	i := interp.New(interp.Options{})
	if err := i.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	if err := i.Use(symbols.Symbols); err != nil {
		t.Fatal(err)
	}
	return i
}

// TestCellValuesReachBundleOf checks what BundleOf sees of values made in a cell: native
// plots always; a cell type's MIMEBundle method only through the display.MIMEBundler
// interface (yaegi hands an interpreted value to an `any` parameter without its methods).
func TestCellValuesReachBundleOf(t *testing.T) {
	i := newInterp(t)
	_, err := i.Eval(`
import "github.com/gograd/gograd/display"

type card struct{ s string }

func (c card) MIMEBundle() map[string]any { return map[string]any{"text/html": "<b>" + c.s + "</b>"} }

var loss = display.LossValues([]float64{3, 2, 1.5, 1.2}, display.LossOptions{LogScale: true})
var asAny any = card{"hi"}
var asBundler display.MIMEBundler = card{"hi"}
`)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		want bool
	}{{"loss", true}, {"asBundler", true}} {
		v, err := i.Eval(c.name)
		if err != nil {
			t.Fatal(err)
		}
		b, ok := display.BundleOf(v.Interface())
		if ok != c.want {
			t.Errorf("%s (%T): BundleOf ok = %v, want %v", c.name, v.Interface(), ok, c.want)
		}
		if c.name == "asBundler" && ok && b.Data["text/html"] != "<b>hi</b>" {
			t.Errorf("asBundler: %v", b.Data)
		}
	}
	v, err := i.Eval("asAny")
	if err != nil {
		t.Fatal(err)
	}
	_, ok := display.BundleOf(v.Interface())
	t.Logf("a cell value held as any reaches BundleOf with its MIMEBundle method: %v (%T)", ok, v.Interface())
}
