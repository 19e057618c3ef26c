package interp

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"slices"
)

// sessionName is a name a cell defined at the top level, for completion and inspection.
type sessionName struct {
	kind string // "func", "type", "var" or "const"
	decl string // the declaration's source, function bodies left out
	doc  string // its doc comment
}

// known reports whether cells can use name: predeclared, imported or defined by a cell.
func (s *Session) known(name string) bool {
	if slices.Contains(predeclared, name) {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, imported := s.imports[name]
	_, defined := s.names[name]
	return imported || defined
}

// remember records the names that evaluated declarations and statements defined.
func (s *Session) remember(decls []ast.Decl, stmts []ast.Stmt) {
	for _, st := range stmts {
		switch st := st.(type) {
		case *ast.DeclStmt:
			decls = append(decls, st.Decl)
		case *ast.AssignStmt:
			if st.Tok == token.DEFINE {
				s.rememberDefine(st)
			}
		}
	}
	for _, d := range decls {
		s.rememberDecl(d)
	}
}

// rememberDefine records the names of x, y := ...
func (s *Session) rememberDefine(st *ast.AssignStmt) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, l := range st.Lhs {
		if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
			s.names[id.Name] = &sessionName{kind: "var", decl: id.Name + " := " + source(st.Rhs[0])}
		}
	}
}

// rememberDecl records the names of a declaration.
func (s *Session) rememberDecl(d ast.Decl) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil {
			return
		}
		sig := *d
		sig.Body, sig.Doc = nil, nil
		s.names[d.Name.Name] = &sessionName{kind: "func", decl: source(&sig), doc: d.Doc.Text()}
	case *ast.GenDecl:
		for _, sp := range d.Specs {
			doc := d.Doc.Text()
			switch sp := sp.(type) {
			case *ast.TypeSpec:
				if sp.Doc != nil {
					doc = sp.Doc.Text()
				}
				s.names[sp.Name.Name] = &sessionName{kind: "type", decl: "type " + source(sp), doc: doc}
			case *ast.ValueSpec:
				if sp.Doc != nil {
					doc = sp.Doc.Text()
				}
				for _, n := range sp.Names {
					s.names[n.Name] = &sessionName{kind: d.Tok.String(), decl: d.Tok.String() + " " + source(sp), doc: doc}
				}
			}
		}
	}
}

// source prints a node as Go source, without the position stores of rewriteAt.
func source(n any) string {
	var b bytes.Buffer
	if err := format.Node(&b, token.NewFileSet(), n); err != nil {
		return ""
	}
	return atStmt.ReplaceAllString(b.String(), "")
}
