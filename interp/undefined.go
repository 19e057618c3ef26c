package interp

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// predeclared are Go's predeclared identifiers, always defined.
var predeclared = strings.Fields(`bool byte complex64 complex128 error float32 float64 int int8
	int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr any comparable
	true false iota nil append cap clear close complex copy delete imag len make max min new
	panic print println real recover`)

// topNames returns the names a cell's pieces define at the top level: declared
// functions (not methods), types, vars and consts, and names defined by := or var statements.
func topNames(files []*ast.File, blocks []*ast.BlockStmt) []string {
	var names []string
	for _, f := range files {
		for _, d := range f.Decls {
			names = append(names, declNames(d)...)
		}
	}
	for _, b := range blocks {
		for _, st := range b.List {
			switch st := st.(type) {
			case *ast.AssignStmt:
				if st.Tok == token.DEFINE {
					for _, l := range st.Lhs {
						if id, ok := l.(*ast.Ident); ok {
							names = append(names, id.Name)
						}
					}
				}
			case *ast.DeclStmt:
				names = append(names, declNames(st.Decl)...)
			}
		}
	}
	return names
}

// declNames returns the names a declaration defines at package level.
func declNames(d ast.Decl) []string {
	var names []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			names = append(names, d.Name.Name)
		}
	case *ast.GenDecl:
		for _, sp := range d.Specs {
			switch sp := sp.(type) {
			case *ast.TypeSpec:
				names = append(names, sp.Name.Name)
			case *ast.ValueSpec:
				for _, n := range sp.Names {
					names = append(names, n.Name)
				}
			}
		}
	}
	return names
}

// undefinedNames returns an error for every identifier the parser could not resolve and
// known does not have, in the form the Go compiler uses: "cell[3]:2:5: undefined: lera".
// yaegi's own messages for these are confusing ("constant definition loop") or a panic.
func undefinedNames(fset *token.FileSet, unresolved []*ast.Ident, known func(string) bool) error {
	var msgs []string
	seen := map[string]bool{}
	for _, id := range unresolved {
		if id.Name == "_" || known(id.Name) || seen[id.Name] {
			continue
		}
		seen[id.Name] = true
		msgs = append(msgs, fmt.Sprintf("%s: undefined: %s", fset.Position(id.Pos()), id.Name))
	}
	if len(msgs) == 0 {
		return nil
	}
	return &compileError{msg: strings.Join(msgs, "\n")}
}

// unresolvedIdents lists the identifiers of blocks that the parser left unresolved. Parsing a
// block as a function body resolves its local names; what is left refers to package level.
func unresolvedIdents(files []*ast.File, blockFiles []*ast.File) []*ast.Ident {
	var ids []*ast.Ident
	for _, f := range append(files, blockFiles...) {
		ids = append(ids, f.Unresolved...)
	}
	return ids
}
