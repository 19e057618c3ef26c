package interp

import (
	"go/ast"
	"go/token"
	"slices"
)

// history is what a fresh interpreter needs to take over a session (replay.go): the
// declarations evaluated so far, each only in its latest definition, and the names of the
// session's variables. Imports are the session's imports map. Variables are not replayed
// from their initializers but carried over with their values, so a var declaration is kept
// as a name only.
type history struct {
	decls []histDecl
	vars  []string // top-level variables, first definition first
}

// histDecl is one declaration and the keys it defines: "T" for a type, "T.M" for a method,
// the names of a function or of a const group.
type histDecl struct {
	keys []string
	decl ast.Decl
}

// addDecls records the declarations of an evaluated file; they replace the earlier ones
// that define one of the same keys.
func (h *history) addDecls(f *ast.File) {
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			key := methodKey(d)
			if key == "" {
				if d.Recv != nil {
					continue // a method of a type we cannot name: yaegi rejected it anyway
				}
				key = d.Name.Name
			}
			h.put(histDecl{keys: []string{key}, decl: d})
		case *ast.GenDecl:
			h.genDecl(d)
		}
	}
}

// genDecl records a type, const or var declaration: one entry per type, one per const
// group (iota needs the group), a name per variable.
func (h *history) genDecl(d *ast.GenDecl) {
	switch d.Tok {
	case token.TYPE:
		for _, sp := range d.Specs {
			ts := sp.(*ast.TypeSpec)
			one := &ast.GenDecl{Doc: d.Doc, TokPos: d.TokPos, Tok: token.TYPE, Specs: []ast.Spec{ts}}
			h.put(histDecl{keys: []string{ts.Name.Name}, decl: one})
		}
	case token.CONST:
		var keys []string
		for _, sp := range d.Specs {
			for _, n := range sp.(*ast.ValueSpec).Names {
				keys = append(keys, n.Name)
			}
		}
		h.put(histDecl{keys: keys, decl: d})
	case token.VAR:
		for _, sp := range d.Specs {
			for _, n := range sp.(*ast.ValueSpec).Names {
				h.addVar(n.Name)
			}
		}
	}
}

// addStmts records the variables that top-level statements define (x := ..., var x T).
func (h *history) addStmts(list []ast.Stmt) {
	for _, st := range list {
		switch st := st.(type) {
		case *ast.AssignStmt:
			if st.Tok != token.DEFINE {
				continue
			}
			for _, l := range st.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					h.addVar(id.Name)
				}
			}
		case *ast.DeclStmt:
			if g, ok := st.Decl.(*ast.GenDecl); ok && g.Tok == token.VAR {
				h.genDecl(g)
			}
		}
	}
}

// addVar records a variable name once; it replaces a declaration of the same name.
func (h *history) addVar(name string) {
	if name != "_" && !slices.Contains(h.vars, name) {
		h.drop([]string{name})
		h.vars = append(h.vars, name)
	}
}

// put appends e after removing the entries and variables that define one of its keys.
func (h *history) put(e histDecl) {
	h.drop(e.keys)
	h.vars = slices.DeleteFunc(h.vars, func(v string) bool { return slices.Contains(e.keys, v) })
	h.decls = append(h.decls, e)
}

// drop removes the entries that define one of keys.
func (h *history) drop(keys []string) {
	h.decls = slices.DeleteFunc(h.decls, func(old histDecl) bool {
		for _, k := range old.keys {
			if slices.Contains(keys, k) {
				return true
			}
		}
		return false
	})
}

// clone returns a copy that changes independently of h.
func (h history) clone() history {
	return history{decls: slices.Clone(h.decls), vars: slices.Clone(h.vars)}
}

// fileKeys returns the keys a declaration file defines, as history keys them, and the
// names of its variables.
func fileKeys(f *ast.File) (keys, vars []string) {
	var h history
	h.addDecls(f)
	for _, e := range h.decls {
		keys = append(keys, e.keys...)
	}
	return keys, h.vars
}

// record adds an evaluated declaration file or statement list to the session's history.
func (s *Session) record(f *ast.File, stmts []ast.Stmt) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f != nil {
		s.hist.addDecls(f)
	}
	s.hist.addStmts(stmts)
}
