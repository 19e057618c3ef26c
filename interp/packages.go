package interp

import (
	"fmt"
	"maps"
	"path"
	"reflect"
	"strings"

	"github.com/gograd/gograd/interp/symbols"
	"github.com/traefik/yaegi/interp"
)

// modulePath is the import path prefix of the gograd packages; cells may also write them
// with the short prefix "gograd/".
const (
	modulePath  = "github.com/gograd/gograd/"
	shortPrefix = "gograd/"
	displayPath = modulePath + "display"
	nnPath      = modulePath + "nn"
)

// interpretedPackages are the standard packages that compat.Load compiles from Go source,
// since their API is generic and cannot be exported from native code.
var interpretedPackages = map[string]bool{"cmp": true, "iter": true, "maps": true, "slices": true}

// mergeTables returns one table holding the packages of all tables.
func mergeTables(tables ...interp.Exports) interp.Exports {
	out := interp.Exports{}
	for _, t := range tables {
		for k, v := range t {
			out[k] = v
		}
	}
	return out
}

// canonical maps an import path a cell may write to the one the session uses.
func canonical(p string) string {
	if strings.HasPrefix(p, shortPrefix) && p != hiddenPath {
		return modulePath + strings.TrimPrefix(p, shortPrefix)
	}
	return p
}

// gogradSymbols returns the generated symbol tables (nn, display, gonum/plot...) under
// their import paths and, for gograd's own packages, under the short "gograd/" paths too. The
// display functions are the methods of the session's Writer.
func (s *Session) gogradSymbols() interp.Exports {
	out := interp.Exports{}
	for key, syms := range symbols.Symbols {
		out[key] = maps.Clone(syms)
	}
	dkey := displayPath + "/display"
	if out[dkey] == nil {
		out[dkey] = map[string]reflect.Value{}
	}
	w := reflect.ValueOf(s.writer)
	for i := 0; i < w.NumMethod(); i++ {
		out[dkey][w.Type().Method(i).Name] = w.Method(i)
	}
	for key, syms := range out {
		if strings.HasPrefix(key, modulePath) {
			out[shortPrefix+strings.TrimPrefix(key, modulePath)] = syms
		}
	}
	return out
}

// available reports whether a package can be imported by cells, and its package name.
func (s *Session) available(importPath string) (name string, ok bool) {
	p := canonical(importPath)
	if interpretedPackages[p] {
		return p, true
	}
	for _, table := range []interp.Exports{s.std, symbols.Symbols} {
		for key := range table {
			if path.Dir(key) == p {
				return path.Base(key), true
			}
		}
	}
	if p == displayPath {
		return "display", true
	}
	return "", false
}

// packageSymbols returns the exported symbols of an importable package.
func (s *Session) packageSymbols(importPath string) map[string]reflect.Value {
	p := canonical(importPath)
	for _, v := range s.yaegi().Symbols(p) {
		return v
	}
	return nil
}

// prelude imports nn (when its symbols exist) and display, and defines ctx.
func (s *Session) prelude() error {
	src := "import " + hiddenName + " \"" + hiddenPath + "\"\nimport \"" + displayPath + "\"\n"
	if _, ok := s.available(nnPath); ok {
		src += "import \"" + nnPath + "\"\n"
	}
	src += "var ctx = " + hiddenName + ".Ctx\n"
	src += "var " + atVar + ", " + atTopVar + " int\n" // the position registers (rewrite_at.go)
	if err := s.runCell(s.ctxVar, cellFile(0), src); err != nil {
		return fmt.Errorf("interp: prelude: %w", err)
	}
	return nil
}
