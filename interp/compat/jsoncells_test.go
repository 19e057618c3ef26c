package compat

import (
	"errors"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	gostdlib "github.com/gograd/gograd/interp/stdlib"
	"github.com/traefik/yaegi/stdlib"
)

// TestJSONCellTypes checks which json calls are refused (yaegi's reflect types of cell types
// have no methods and no anonymous fields: json would answer wrong) and which are left to
// run: plain nested cell structs, and a cell type whose only method json ignores.
func TestJSONCellTypes(t *testing.T) {
	decls := "package main\n\nimport \"encoding/json\"\n\n" +
		"type meta struct{ ID int }\n\ntype Post struct {\n\tmeta\n\tTitle string\n}\n\n" +
		"type C float64\n\nfunc (c *C) UnmarshalText(b []byte) error { return nil }\n\n" +
		"type Named string\n\nfunc (n Named) String() string { return string(n) }\n\n" +
		"type Plain struct {\n\tN  Named\n\tXs []int\n}\n"
	tables := Filter(gostdlib.Merge(stdlib.Symbols))
	for _, c := range []struct{ stmt, want string }{
		{`b, _ := json.Marshal(Post{})`, "embedded field meta"},
		{`var m map[C]int; json.Unmarshal(nil, &m)`, "UnmarshalText method of the cell type C"},
		{`json.NewEncoder(nil).Encode([]*C{})`, "json.Encode of []*C{}"},
		{`b, _ := json.Marshal(Plain{}); _ = b`, ""},
		{`var p []Plain; json.Unmarshal(nil, &p)`, ""},
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "cell.go", decls+"\nfunc main() {\n\t"+c.stmt+"\n}\n", 0)
		if err != nil {
			t.Fatal(err)
		}
		rw := Rewriter{Symbols: tables}
		err = rw.Rewrite(fset, f)
		if c.want == "" {
			if err != nil {
				t.Errorf("%s: %v, want no error", c.stmt, err)
			}
			continue
		}
		var ce *Error
		if !errors.As(err, &ce) || !strings.Contains(ce.Msg, c.want) || !strings.Contains(ce.Msg, "not supported by the interpreter") {
			t.Errorf("%s: error %v, want a compat error with %q", c.stmt, err, c.want)
		}
	}
}
