package interp

import (
	"context"
	"go/ast"
	"go/token"

	"github.com/gograd/gograd/interp/compat"
)

// yaegi ignores a second definition of a type or a method, and functions declared before a
// redefined function keep calling the old one. The session closes both gaps: a type or method
// defined again identically (a cell re-run) is dropped before evaluation, one defined
// differently makes the session replay its declarations in a fresh interpreter (replay.go),
// and the functions that use a redefined function are evaluated again so that they call the
// new one.

// methodKey names a method ("T.M"), or returns "" for a function; types are keyed by name.
func methodKey(d *ast.FuncDecl) string { return compat.MethodKey(d) }

// withoutDoc prints a declaration without its doc comment, to compare definitions. The
// register stores of rewriteAt, which hold positions, are left out (source): a function run
// again is the same function.
func withoutDoc(n ast.Node) string {
	switch n := n.(type) {
	case *ast.FuncDecl:
		c := *n
		c.Doc = nil
		return source(&c)
	case *ast.TypeSpec:
		c := *n
		c.Doc, c.Comment = nil, nil
		return source(&c)
	}
	return source(n)
}

// dropRepeats removes from f the types and methods the session already has with the same
// definition, and returns the keys ("T", "T.M") of those it has with another one: the cell
// redefines them, which takes a fresh interpreter (replay.go).
func (s *Session) dropRepeats(f *ast.File) map[string]bool {
	redefined := map[string]bool{}
	var decls []ast.Decl
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			key := methodKey(d)
			if key == "" {
				break
			}
			if s.repeated(key, withoutDoc(d), redefined) {
				continue
			}
		case *ast.GenDecl:
			if d.Tok != token.TYPE {
				break
			}
			var specs []ast.Spec
			for _, sp := range d.Specs {
				ts := sp.(*ast.TypeSpec)
				compat.AddTags(ts) // as the remembered definition was rewritten
				if !s.repeated(ts.Name.Name, withoutDoc(ts), redefined) {
					specs = append(specs, sp)
				}
			}
			if len(specs) == 0 {
				continue
			}
			d.Specs = specs
		}
		decls = append(decls, d)
	}
	f.Decls = decls
	return redefined
}

// repeated tells whether key is already defined as src; when it is defined otherwise, it
// adds key to redefined.
func (s *Session) repeated(key, src string, redefined map[string]bool) bool {
	s.mu.Lock()
	old, ok := s.typeDefs[key]
	s.mu.Unlock()
	if ok && old.src != src {
		redefined[key] = true
	}
	return ok && old.src == src
}

// defSources returns the source of f's types and methods by key ("T", "T.M"), before the
// rewrites change it.
func defSources(f *ast.File) map[string]string {
	srcs := map[string]string{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if key := methodKey(d); key != "" {
				srcs[key] = withoutDoc(d)
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				if ts, ok := sp.(*ast.TypeSpec); ok && d.Tok == token.TYPE {
					srcs[ts.Name.Name] = withoutDoc(ts)
				}
			}
		}
	}
	return srcs
}

// rememberDefs records the types, methods and functions of an evaluated declaration file;
// srcs holds the sources of its types and methods as written (defSources), which the
// next definition is compared with.
func (s *Session) rememberDefs(f *ast.File, srcs map[string]string) {
	srcOf := func(key string, n ast.Node) string {
		if src, ok := srcs[key]; ok {
			return src
		}
		return withoutDoc(n)
	}
	fset := s.yaegi().FileSet()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if key := methodKey(d); key != "" {
				s.typeDefs[key] = definition{src: srcOf(key, d), pos: fset.Position(d.Name.Pos()).String()}
			} else if d.Recv == nil {
				s.funcs[d.Name.Name] = d
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				if ts, ok := sp.(*ast.TypeSpec); ok && d.Tok == token.TYPE {
					s.typeDefs[ts.Name.Name] = definition{src: srcOf(ts.Name.Name, ts), pos: fset.Position(ts.Name.Pos()).String()}
				}
			}
		}
	}
}

// rememberTypes records the types of a file that failed to compile: yaegi registered them
// anyway, and will not take another definition.
func (s *Session) rememberTypes(f *ast.File) {
	fset := s.yaegi().FileSet()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
			for _, sp := range g.Specs {
				ts := sp.(*ast.TypeSpec)
				if _, ok := s.typeDefs[ts.Name.Name]; !ok {
					s.typeDefs[ts.Name.Name] = definition{src: withoutDoc(ts), pos: fset.Position(ts.Name.Pos()).String()}
				}
			}
		}
	}
}

// definition is the source of a type or method and where it was defined.
type definition struct {
	src string
	pos string
}

// redefinedFuncs returns the functions of f that replace a different earlier definition.
func (s *Session) redefinedFuncs(f *ast.File) map[string]bool {
	changed := map[string]bool{}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
			if old, ok := s.funcs[fd.Name.Name]; ok && old != fd && withoutDoc(old) != withoutDoc(fd) {
				changed[fd.Name.Name] = true
			}
		}
	}
	return changed
}

// refreshCallers evaluates again the earlier functions that use the changed ones, directly or
// through each other, so that they call the new definitions.
func (s *Session) refreshCallers(ctx context.Context, changed map[string]bool, current *ast.File) error {
	if len(changed) == 0 {
		return nil
	}
	inCell := map[string]bool{}
	for _, d := range current.Decls {
		for _, n := range declNames(d) {
			inCell[n] = true
		}
	}
	var decls []ast.Decl
	s.mu.Lock()
	for grew := true; grew; {
		grew = false
		for name, fd := range s.funcs {
			if changed[name] || inCell[name] || !mentions(fd, changed) {
				continue
			}
			changed[name], grew = true, true
			decls = append(decls, fd)
		}
	}
	s.mu.Unlock()
	if len(decls) == 0 {
		return nil
	}
	pos := decls[0].Pos()
	file := &ast.File{Package: pos, Name: &ast.Ident{Name: "main", NamePos: pos}, Decls: decls}
	return s.eval(ctx, file, nil)
}

// mentions tells whether a function's body uses one of names.
func mentions(fd *ast.FuncDecl, names map[string]bool) bool {
	found := false
	ast.Inspect(fd, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && names[id.Name] {
			found = true
		}
		return !found
	})
	return found
}
