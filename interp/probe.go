package interp

import (
	"go/ast"
	"go/token"
	"reflect"
	"regexp"
	"strconv"
)

// yaegi registers the types and methods of a file before it finds the errors in their
// bodies, and keeps them: a cell whose method does not compile would leave a broken method
// that the corrected cell cannot replace. So a declaration file with types or methods is first
// compiled as a probe, a copy with every name it declares renamed (__probe7_T), which
// registers nothing the cell will use. Its errors are the cell's, with the names restored.

// probeName matches the prefix of renamed names in messages.
var probeName = regexp.MustCompile(`__probe\d+_`)

// needsProbe tells whether f declares a type or a method.
func needsProbe(f *ast.File) bool {
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv != nil {
				return true
			}
		case *ast.GenDecl:
			if d.Tok == token.TYPE {
				return true
			}
		}
	}
	return false
}

// probe compiles a renamed copy of f and returns its compile error, if any.
func (s *Session) probe(f *ast.File) error {
	if !needsProbe(f) {
		return nil
	}
	s.mu.Lock()
	s.probes++
	prefix := "__probe" + strconv.Itoa(s.probes) + "_"
	s.mu.Unlock()
	own := map[*ast.Object]bool{}
	if f.Scope != nil {
		for _, obj := range f.Scope.Objects {
			own[obj] = true
		}
	}
	c := deepCopy(reflect.ValueOf(f)).Interface().(*ast.File)
	ast.Inspect(c, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Obj != nil && own[id.Obj] {
			id.Name = prefix + id.Name
		}
		return true
	})
	_, err := s.compile(c)
	return err
}

// deepCopy copies an AST: nodes, slices and interfaces are copied, the parser's objects and
// scopes are shared.
func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		switch v.Interface().(type) {
		case *ast.Object, *ast.Scope:
			return v
		}
		c := reflect.New(v.Elem().Type())
		c.Elem().Set(deepCopy(v.Elem()))
		return c
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type()).Elem()
		c.Set(deepCopy(v.Elem()))
		return c
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		for i := 0; i < v.NumField(); i++ {
			if c.Field(i).CanSet() {
				c.Field(i).Set(deepCopy(v.Field(i)))
			}
		}
		return c
	}
	return v
}
