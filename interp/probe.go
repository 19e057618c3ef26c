package interp

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/gograd/gograd/interp/compat"
)

// yaegi registers the types and methods of a file before it finds the errors in their
// bodies, and keeps them: a cell whose method does not compile would leave a broken method
// that the corrected cell cannot replace. So a declaration file with types or methods is first
// compiled as a probe, a copy with every name it declares renamed (__probe7_T), which
// registers nothing the cell will use. Its errors are the cell's, with the names restored.

// probeName matches the prefix of renamed names in messages.
var probeName = regexp.MustCompile(`__probe\d+_`)

// needsProbe tells whether f declares a type or a method, and the probe works for it.
//
// It does not for a generic type whose fields name a generic type of the same cell
// (type elem[T any] struct{ next *elem[T] }): the renamed copy's instances leak into the
// cell's own, and the cell's methods then panic (reflect.Set: value of type *struct {...}
// is not assignable to type *struct {...}; measured with raw yaegi: compiling the renamed
// copy first is enough). Such a cell is compiled without a probe: a compile error in it
// can leave its methods behind, which is the lesser harm.
func needsProbe(f *ast.File) bool {
	if recursiveGeneric(f) {
		return false
	}
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

// recursiveGeneric tells whether f declares a generic type whose declaration names a generic
// type of f.
func recursiveGeneric(f *ast.File) bool {
	generic := map[*ast.Object]bool{}
	var specs []*ast.TypeSpec
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			for _, sp := range gd.Specs {
				if ts, ok := sp.(*ast.TypeSpec); ok && ts.TypeParams != nil && ts.Name.Obj != nil {
					generic[ts.Name.Obj] = true
					specs = append(specs, ts)
				}
			}
		}
	}
	found := false
	for _, ts := range specs {
		ast.Inspect(ts.Type, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Obj != nil && generic[id.Obj] {
				found = true
			}
			return !found
		})
	}
	return found
}

// probe compiles a renamed copy of f and returns its compile error, if any.
//
// A method of a type of an earlier cell would be registered by the copy on the real type,
// with a body that never runs, and the cell's own declaration then ignored as a repeat:
// every call of the method answered zero values. So the copy first renames those methods
// too, and the selectors of their names (calls between the new methods name no object):
// all of them, then, if that does not compile (a selector of that name on a value of
// another type), only those on a receiver, parameter, variable or literal of the method's
// type. When neither compiles, the error is the cell's, or comes from the renaming (the
// cell converts a value of that type to an interface that needs a new method, which the
// renamed copy lacks): it is reported with a note naming the workaround, methods declared
// in a cell of their own, whose probe then compiles. Evaluating the cell instead would
// leave a broken method behind on a real error, which the corrected cell cannot replace.
func (s *Session) probe(f *ast.File) error {
	if !needsProbe(f) {
		return nil
	}
	own := fileObjects(f)
	foreign := foreignMethods(f, own)
	if len(foreign) == 0 {
		return s.probeEmbedded(f, own, nil, false)
	}
	if s.probeEmbedded(f, own, foreign, true) == nil {
		return nil
	}
	err := s.probeEmbedded(f, own, foreign, false)
	if err == nil {
		return nil
	}
	var names []string
	for name := range foreign {
		names = append(names, name)
	}
	slices.Sort(names)
	return noteError{err, fmt.Sprintf("\n(this cell adds methods to a type of an earlier cell: %s. If the cell is correct, "+
		"the interpreter cannot check it in one piece: run the methods that the cell's code uses through an interface "+
		"(a conversion, an assertion, a value printed with its String method) in a cell of their own first)", strings.Join(names, ", "))}
}

// noteError is an error with a note after its message.
type noteError struct {
	err  error
	note string
}

func (e noteError) Error() string { return e.err.Error() + e.note }

// foreignMethods returns the methods f declares on types it does not declare: for each
// name, the names of their receiver types.
func foreignMethods(f *ast.File, own map[*ast.Object]bool) map[string]map[string]bool {
	foreign := map[string]map[string]bool{}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv == nil {
			continue
		}
		if id := compat.ReceiverIdent(fd.Recv); id != nil && (id.Obj == nil || !own[id.Obj]) {
			if foreign[fd.Name.Name] == nil {
				foreign[fd.Name.Name] = map[string]bool{}
			}
			foreign[fd.Name.Name][id.Name] = true
		}
	}
	return foreign
}

// probeEmbedded is probeCopy that also renames the selectors of the fields that embed a type
// the cell declares (d.Animal after type Dog struct{ Animal }): renaming the type renames
// those fields. A selector of that name may instead be a field of another type, so when that
// copy does not compile, the copy that leaves the selectors alone is tried too.
func (s *Session) probeEmbedded(f *ast.File, own map[*ast.Object]bool, foreign map[string]map[string]bool, all bool) error {
	embedded := embeddedOwn(f, own)
	err := s.probeCopy(f, own, foreign, all, embedded)
	if err != nil && len(embedded) > 0 && s.probeCopy(f, own, foreign, all, nil) == nil {
		return nil
	}
	return err
}

// embeddedOwn returns the names of the types declared by f that a struct embeds.
func embeddedOwn(f *ast.File, own map[*ast.Object]bool) map[string]bool {
	names := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if st, ok := n.(*ast.StructType); ok && st.Fields != nil {
			for _, fd := range st.Fields.List {
				if len(fd.Names) > 0 {
					continue
				}
				if id := compat.ReceiverIdent(&ast.FieldList{List: []*ast.Field{{Type: fd.Type}}}); id != nil && id.Obj != nil && own[id.Obj] {
					names[id.Name] = true
				}
			}
		}
		return true
	})
	return names
}

// probeCopy compiles a copy of f with the names of own objects and of the foreign methods
// prefixed, and the selectors of the foreign methods' names: those on a value known to be
// of their type, and with all set those on values of unknown type too.
func (s *Session) probeCopy(f *ast.File, own map[*ast.Object]bool, foreign map[string]map[string]bool, all bool, embedded map[string]bool) error {
	s.mu.Lock()
	s.probes++
	prefix := "__probe" + strconv.Itoa(s.probes) + "_"
	s.mu.Unlock()
	c := deepCopy(reflect.ValueOf(f)).Interface().(*ast.File)
	fields := map[*ast.Ident]bool{}
	ast.Inspect(c, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			fieldKeys(n, fields)
		case *ast.Ident:
			if n.Obj != nil && own[n.Obj] && !fields[n] {
				n.Name = prefix + n.Name
			}
		case *ast.SelectorExpr:
			if embedded[n.Sel.Name] {
				n.Sel.Name = prefix + n.Sel.Name
			}
			if types := foreign[n.Sel.Name]; types != nil {
				if name, known := typeName(n.X); known && types[name] || !known && all {
					n.Sel.Name = prefix + n.Sel.Name
				}
			}
		case *ast.FuncDecl:
			if n.Recv != nil && foreign[n.Name.Name] != nil {
				n.Name.Name = prefix + n.Name.Name
			}
		}
		return true
	})
	_, err := s.compile(c)
	return err
}

// typeName returns the name of the type of x when x is a receiver, parameter or variable
// declared with a type name, or a composite literal of one (or its address); known is
// false otherwise.
func typeName(x ast.Expr) (name string, known bool) {
	var t ast.Expr
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		if x.Obj == nil {
			return "", false
		}
		switch d := x.Obj.Decl.(type) {
		case *ast.Field:
			t = d.Type
		case *ast.ValueSpec:
			t = d.Type
		}
	case *ast.CompositeLit:
		t = x.Type
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return typeName(x.X)
		}
	}
	if t == nil {
		return "", false
	}
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	if sel, ok := t.(*ast.SelectorExpr); ok { // a type of a package (var b strings.Builder): never a cell's
		return types.ExprString(sel), true
	}
	if id := compat.ReceiverIdent(&ast.FieldList{List: []*ast.Field{{Type: t}}}); id != nil {
		return id.Name, true
	}
	return "", false
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

// fileObjects returns the parser's objects of what f declares at its top level.
func fileObjects(f *ast.File) map[*ast.Object]bool {
	own := map[*ast.Object]bool{}
	if f.Scope != nil {
		for _, obj := range f.Scope.Objects {
			own[obj] = true
		}
	}
	return own
}
