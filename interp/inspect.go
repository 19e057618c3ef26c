package interp

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/doc"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"
)

// Inspect describes the name at cursor (in code points) for Shift+Tab help: a package
// member's declaration and doc comment, or a session name's declaration, doc comment, type and
// value. found is false when there is nothing to show.
func (s *Session) Inspect(code string, cursor, detail int) (data map[string]any, found bool) {
	off := byteOffset(code, cursor)
	end := off + len(code[off:]) - len(strings.TrimLeftFunc(code[off:], isIdentRune))
	word, qual := wordBefore(code[:end])
	if word == "" {
		return nil, false
	}
	var text string
	if qual != "" {
		text = s.inspectMember(qual, word)
	} else {
		text = s.inspectName(word)
	}
	if text == "" {
		return nil, false
	}
	return map[string]any{"text/plain": text}, true
}

// isIdentRune tells whether r may be part of an identifier.
func isIdentRune(r rune) bool {
	return r == '_' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') ||
		r >= utf8.RuneSelf && identStart(string(r)) == 0
}

// inspectName describes a session name, or a package name.
func (s *Session) inspectName(name string) string {
	s.mu.Lock()
	n, ok := s.names[name]
	s.mu.Unlock()
	if !ok {
		if p := s.packagePath(name); p != "" {
			if text, ok := gogradDocs[p]; ok {
				return text
			}
			if d := s.packageDoc(p); d != nil {
				return "package " + d.Name + " // import \"" + p + "\"\n\n" + d.Doc
			}
			return "package " + name + " // import \"" + p + "\""
		}
		return ""
	}
	text := n.decl
	if n.kind == "var" {
		if v, ok := s.yaegi().Globals()[name]; ok && v.IsValid() && v.CanInterface() {
			text += fmt.Sprintf("\n\ntype: %T\nvalue: %s", v.Interface(), formatValue(v.Interface()))
		}
	}
	if n.doc != "" {
		text += "\n\n" + n.doc
	}
	return text
}

// inspectMember describes pkg.name from the package's source documentation, or from its
// symbol's type when the source is not at hand.
func (s *Session) inspectMember(pkg, name string) string {
	p := s.packagePath(pkg)
	if p == "" {
		return s.inspectField(pkg, name)
	}
	for _, key := range []string{p + "." + name, p + ".Writer." + name} {
		if text, ok := gogradDocs[key]; ok {
			return text
		}
	}
	if d := s.packageDoc(p); d != nil {
		if text := docOf(d, name); text != "" {
			return text
		}
	}
	if v, ok := s.packageSymbols(p)[name]; ok {
		return fmt.Sprintf("%s.%s %s", pkg, name, v.Type())
	}
	return ""
}

// inspectField describes v.name for a session variable v whose type is one of gograd's: the
// method's or field's documentation.
func (s *Session) inspectField(v, name string) string {
	val, ok := s.yaegi().Globals()[v]
	if !ok || !val.IsValid() {
		return ""
	}
	t := val.Type()
	if t.Kind() == reflect.Interface && !val.IsNil() {
		t = val.Elem().Type()
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if text, ok := gogradDocs[t.PkgPath()+"."+t.Name()+"."+name]; ok {
		return text
	}
	if f, ok := t.FieldByName(name); ok && t.Kind() == reflect.Struct {
		return fmt.Sprintf("%s.%s %s", v, name, f.Type)
	}
	return ""
}

// packageDoc returns the documentation of a standard package, parsed from GOROOT's source
// (the Go toolchain that builds gograd is there); nil when it is not at hand.
func (s *Session) packageDoc(importPath string) *doc.Package {
	s.mu.Lock()
	d, ok := s.docs[importPath]
	s.mu.Unlock()
	if ok {
		return d
	}
	d = loadDoc(sourceDir(importPath), importPath)
	s.mu.Lock()
	s.docs[importPath] = d
	s.mu.Unlock()
	return d
}

// sourceDir is where the source of a standard package is.
func sourceDir(importPath string) string {
	if strings.HasPrefix(importPath, modulePath) || build.Default.GOROOT == "" {
		return ""
	}
	return filepath.Join(build.Default.GOROOT, "src", importPath)
}

// loadDoc parses the non-test Go files of dir; nil when there are none.
func loadDoc(dir, importPath string) *doc.Package {
	if dir == "" {
		return nil
	}
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi fs.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, parser.ParseComments)
	if err != nil && len(pkgs) == 0 {
		return nil
	}
	for name, p := range pkgs {
		if name == "main" || strings.HasSuffix(name, "_test") {
			continue
		}
		return doc.New(p, importPath, 0)
	}
	return nil
}

// docOf returns the declaration and doc comment of a package member.
func docOf(d *doc.Package, name string) string {
	show := func(decl ast.Node, text string) string {
		return strings.TrimSpace(source(decl) + "\n\n" + text)
	}
	for _, f := range d.Funcs {
		if f.Name == name {
			return show(f.Decl, f.Doc)
		}
	}
	for _, t := range d.Types {
		if t.Name == name {
			return show(t.Decl, t.Doc)
		}
		for _, f := range t.Funcs {
			if f.Name == name {
				return show(f.Decl, f.Doc)
			}
		}
		for _, v := range append(t.Vars, t.Consts...) {
			if slices.Contains(v.Names, name) {
				return show(v.Decl, v.Doc)
			}
		}
	}
	for _, v := range append(d.Vars, d.Consts...) {
		if slices.Contains(v.Names, name) {
			return show(v.Decl, v.Doc)
		}
	}
	return ""
}
