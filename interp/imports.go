package interp

import (
	"context"
	"fmt"
	"go/ast"
	"go/token"
	"strconv"
)

// importName returns the name an import spec binds and its canonical path.
func (s *Session) importName(spec *ast.ImportSpec) (name, path string) {
	p, _ := strconv.Unquote(spec.Path.Value)
	path = canonical(p)
	if spec.Name != nil {
		return spec.Name.Name, path
	}
	if path == hiddenPath {
		return hiddenName, path
	}
	name, _ = s.available(path)
	return name, path
}

// importAll evaluates the imports of a cell that the session does not have yet. Importing a
// package again is a no-op; binding a name already bound to another package is an error.
func (s *Session) importAll(ctx context.Context, f *ast.File) error {
	if f == nil {
		return nil
	}
	fset := s.yaegi().FileSet()
	var specs []ast.Spec
	bound := map[string]string{}
	for _, spec := range f.Imports {
		name, path := s.importName(spec)
		if _, ok := s.available(path); !ok && path != hiddenPath {
			return &compileError{msg: fmt.Sprintf("%s: package %s is not available in gograd (the standard library, nn, display and gonum/plot are)",
				fset.Position(spec.Path.Pos()), spec.Path.Value)}
		}
		if name == "_" {
			continue
		}
		s.mu.Lock()
		have, ok := s.imports[name]
		s.mu.Unlock()
		if p, inCell := bound[name]; inCell {
			have, ok = p, true
		}
		if ok && have == path && name != "." {
			continue
		}
		if ok && have != path {
			return &compileError{msg: fmt.Sprintf("%s: %s is already the package %q: import %s with another name, such as %s %q",
				fset.Position(spec.Pos()), name, have, path, "my"+name, path)}
		}
		spec.Path.Value = strconv.Quote(path)
		specs = append(specs, spec)
		bound[name] = path
	}
	if len(specs) == 0 {
		return nil
	}
	pos := specs[0].Pos()
	file := &ast.File{Package: pos, Name: &ast.Ident{Name: "main", NamePos: pos},
		Decls: []ast.Decl{&ast.GenDecl{TokPos: pos, Tok: token.IMPORT, Lparen: pos, Specs: specs, Rparen: pos}}}
	if err := s.eval(ctx, file, nil); err != nil {
		return err
	}
	// The rewriter type-checks later cells; it must know the packages by the names they
	// were imported under (import mr "math/rand"), which it never sees in a cell.
	for _, spec := range specs {
		s.compat.Import(spec.(*ast.ImportSpec))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for name, path := range bound {
		if name == "." {
			s.dotImport = true
			continue
		}
		s.imports[name] = path
	}
	return nil
}

// autoImports adds to a cell's imports the packages it uses without importing them: an
// unresolved name that no cell defines but that names an importable package ("fmt",
// "strings", "rand" for math/rand, "plotter") is imported as if the cell said so.
func (s *Session) autoImports(imports *ast.File, unresolved []*ast.Ident, defined []string) *ast.File {
	have := map[string]bool{}
	for _, n := range defined {
		have[n] = true
	}
	if imports != nil {
		for _, spec := range imports.Imports {
			name, _ := s.importName(spec)
			have[name] = true
		}
	}
	for _, id := range unresolved {
		if have[id.Name] || s.known(id.Name) {
			continue
		}
		path := s.packagePath(id.Name)
		if path == "" {
			continue
		}
		have[id.Name] = true
		spec := &ast.ImportSpec{Path: &ast.BasicLit{ValuePos: id.Pos(), Kind: token.STRING, Value: strconv.Quote(path)}}
		if imports == nil {
			imports = &ast.File{Package: id.Pos(), Name: &ast.Ident{Name: "main", NamePos: id.Pos()}}
		}
		imports.Imports = append(imports.Imports, spec)
	}
	return imports
}
