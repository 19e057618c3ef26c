package interp

import (
	"fmt"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/traefik/yaegi/interp"
)

// A fresh interpreter (replay.go) gets the old one's variables. Their static types come
// from yaegi's own symbol table, which it does not export: carry.go reads it with reflect
// (yaegi v0.16.1 is the last release, so its layout holds still; a test guards it).
//
//   - A variable whose type is written with cell types and Go's own types only (int,
//     []float64, map[string]any, []Point) is declared with its type, var p []Point, then
//     given its old value: yaegi builds a cell struct type with reflect.StructOf, which
//     returns the same reflect type for the same fields, so a value of an unchanged cell
//     type fits the fresh interpreter as it is. Declared so, it stays an interpreted
//     variable, from which yaegi infers type arguments (slices.Max(xs)).
//   - One whose type names a native type (*nn.Tensor, error, time.Duration) is declared
//     from a variable of its type in the hidden carry package, var x = __gogradCarry.V3,
//     then given its old value; the session tells compat, which writes the type arguments
//     of generic calls on it (Rewriter.Carried). The carry variable is not nil: yaegi
//     loses the type of a nil pointer exported as a variable.
//   - A variable whose type involves a redefined type, or whose value holds code or types of
//     the old interpreter (a func literal, an interface value of a cell type), is declared
//     with its zero value and reported dropped.

// carryPath is the import path of the package of carried values; carryName is its name in
// the replayed declarations.
const (
	carryPath = "gograd/internal/carry"
	carryName = "__gogradCarry"
)

// carryPlan is how the variables of an old interpreter reach a fresh one.
type carryPlan struct {
	exports interp.Exports           // the carry package
	decls   []string                 // the declarations of the variables, as Go source
	set     map[string]reflect.Value // values to set once the variables are declared
	dropped []string                 // variables whose values are lost
	native  []string                 // variables declared from the carry package: natively typed
}

// planCarry decides the fate of the variables names of old; changed holds the cell types
// that the fresh interpreter defines differently.
func planCarry(old *interp.Interpreter, names []string, changed map[string]bool) *carryPlan {
	syms := map[string]reflect.Value{}
	p := &carryPlan{exports: interp.Exports{carryPath + "/carry": syms}, set: map[string]reflect.Value{}}
	globals := old.Globals()
	for _, name := range names {
		ov, ok := globals[name]
		if !ok || !ov.IsValid() {
			continue
		}
		deps := map[string]bool{}
		expr, exprOK := typeExpr(itypeOf(old, name), deps, 0)
		zero := ov.IsZero() // nothing to lose
		keep := zero || portable(ov, map[uintptr]bool{}, new(int))
		if len(deps) == 0 && !exprOK && !isYaegiType(ov.Type()) {
			sym := "V" + strconv.Itoa(len(syms))
			syms[sym] = placeholder(ov.Type())
			p.set[name] = ov
			if !keep {
				p.set[name] = reflect.Zero(ov.Type())
				p.dropped = append(p.dropped, name)
			}
			p.decls = append(p.decls, "var "+name+" = "+carryName+"."+sym)
			p.native = append(p.native, name)
			continue
		}
		if !exprOK {
			p.dropped = append(p.dropped, name)
			continue
		}
		p.decls = append(p.decls, "var "+name+" "+expr)
		switch {
		case zero:
		case keep && !anyOf(deps, changed):
			p.set[name] = ov
		default:
			p.dropped = append(p.dropped, name)
		}
	}
	return p
}

// apply gives the declared variables of fresh their old values, and adds to p.dropped those
// whose reflect types differ after all.
func (p *carryPlan) apply(fresh *interp.Interpreter) {
	globals := fresh.Globals()
	for name, ov := range p.set {
		nv, ok := globals[name]
		switch {
		case !ok || !nv.CanSet():
			if !slices.Contains(p.dropped, name) {
				p.dropped = append(p.dropped, name)
			}
		case nv.Type() == ov.Type():
			// Only the same type: reflect's ConvertibleTo recurses forever on yaegi's
			// recursive types (type Node struct{ Next *Node }), which differ each time.
			nv.Set(ov)
		default:
			if !slices.Contains(p.dropped, name) {
				p.dropped = append(p.dropped, name)
			}
		}
	}
}

// placeholder returns a settable variable of type t whose value is not nil, where t can have
// one: it only tells yaegi the type of the variable declared from it.
func placeholder(t reflect.Type) reflect.Value {
	v := reflect.New(t).Elem()
	switch t.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(t.Elem()))
	case reflect.Map:
		v.Set(reflect.MakeMap(t))
	case reflect.Slice:
		v.Set(reflect.MakeSlice(t, 0, 0))
	case reflect.Func:
		v.Set(reflect.MakeFunc(t, func([]reflect.Value) []reflect.Value {
			out := make([]reflect.Value, t.NumOut())
			for i := range out {
				out[i] = reflect.Zero(t.Out(i))
			}
			return out
		}))
	}
	return v
}

// anyOf tells whether a and b share a key.
func anyOf(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// itypeOf returns yaegi's type (an *itype) of the global name of package main, or an invalid
// value when yaegi's layout is not the one we know.
func itypeOf(in *interp.Interpreter, name string) (t reflect.Value) {
	defer func() {
		if recover() != nil {
			t = reflect.Value{}
		}
	}()
	pkgs := reflect.ValueOf(in).Elem().FieldByName("srcPkg")
	if !pkgs.IsValid() || pkgs.Kind() != reflect.Map {
		return reflect.Value{}
	}
	syms := pkgs.MapIndex(reflect.ValueOf("main"))
	if !syms.IsValid() {
		return reflect.Value{}
	}
	sym := syms.MapIndex(reflect.ValueOf(name))
	if !sym.IsValid() || sym.IsNil() {
		return reflect.Value{}
	}
	return sym.Elem().FieldByName("typ")
}

// yaegi's type categories (its tcat constants) that typeExpr handles.
const (
	catArray     = 1
	catBool      = 4
	catChan      = 6
	catChanSend  = 7
	catChanRecv  = 8
	catComplex64 = 10
	catError     = 13
	catFloat64   = 15
	catInterface = 18
	catInt       = 19
	catInt64     = 23
	catMap       = 25
	catPtr       = 26
	catSlice     = 27
	catString    = 29
	catUint      = 31
	catUintptr   = 36
)

// basicCat tells whether cat is a predeclared type (bool, numbers, string, error).
func basicCat(cat uint64) bool {
	return cat == catBool || cat >= catComplex64 && cat <= catFloat64 && cat != catComplex64+2 ||
		cat >= catInt && cat <= catInt64 || cat == catString || cat >= catUint && cat <= catUintptr
}

// cellTypeName matches a cell type in yaegi's text of a type.
var cellTypeName = regexp.MustCompile(`\bmain\.([\pL_][\pL\pN_]*)`)

// typeExpr returns Go source for the yaegi type t, if it can write it, and adds to deps the
// cell types t involves.
func typeExpr(t reflect.Value, deps map[string]bool, depth int) (string, bool) {
	if depth > 16 || !t.IsValid() || t.Kind() != reflect.Pointer || t.IsNil() {
		return "", false
	}
	e := t.Elem()
	name, path, cat := e.FieldByName("name").String(), e.FieldByName("path").String(), e.FieldByName("cat").Uint()
	for _, m := range cellTypeName.FindAllStringSubmatch(e.FieldByName("str").String(), -1) {
		deps[m[1]] = true
	}
	if name != "" && path == "main" {
		deps[name] = true
		return name, true
	}
	elem := func() (string, bool) { return typeExpr(e.FieldByName("val"), deps, depth+1) }
	prefix := ""
	switch cat {
	case catPtr:
		prefix = "*"
	case catSlice:
		prefix = "[]"
	case catArray:
		prefix = "[" + strconv.FormatInt(e.FieldByName("length").Int(), 10) + "]"
	case catChan:
		prefix = "chan "
	case catChanSend:
		prefix = "chan<- "
	case catChanRecv:
		prefix = "<-chan "
	case catMap:
		k, ok := typeExpr(e.FieldByName("key"), deps, depth+1)
		v, ok2 := elem()
		return "map[" + k + "]" + v, ok && ok2
	case catInterface:
		if path == "" && e.FieldByName("field").Len() == 0 {
			return "any", true
		}
		return "", false
	default:
		if name != "" && path == "" && basicCat(cat) {
			return name, true
		}
		return "", false
	}
	x, ok := elem()
	return prefix + x, ok
}

// isYaegiType tells whether t is one of yaegi's own types (an interface value of a cell
// type is a struct of the old interpreter's nodes).
func isYaegiType(t reflect.Type) bool {
	return strings.HasPrefix(t.PkgPath(), "github.com/traefik/yaegi")
}

// carryBudget bounds the values portable looks at; past it, the rest is assumed portable.
const carryBudget = 1 << 20

// portable tells whether v can live in another interpreter: it holds no yaegi value and no
// function made by the old interpreter. seen breaks cycles; n counts the values looked at.
func portable(v reflect.Value, seen map[uintptr]bool, n *int) bool {
	if *n++; *n > carryBudget || !v.IsValid() {
		return true
	}
	switch v.Kind() {
	case reflect.Interface:
		return v.IsNil() || portable(v.Elem(), seen, n)
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return true
		}
		seen[v.Pointer()] = true
		return portable(v.Elem(), seen, n)
	case reflect.Struct:
		if isYaegiType(v.Type()) {
			return false
		}
		named := v.Type().Name() != "" // a native type: its unexported fields are its own business
		for i := 0; i < v.NumField(); i++ {
			if named && !v.Type().Field(i).IsExported() {
				continue
			}
			if !portable(v.Field(i), seen, n) {
				return false
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() || plain(v.Type().Elem()) {
			return true
		}
		for i := 0; i < v.Len(); i++ {
			if !portable(v.Index(i), seen, n) {
				return false
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if !portable(it.Key(), seen, n) || !portable(it.Value(), seen, n) {
				return false
			}
		}
	case reflect.Func:
		if v.IsNil() {
			return true
		}
		f := runtime.FuncForPC(v.Pointer())
		return f == nil || !strings.Contains(f.Name(), "makeFuncStub")
	}
	return true
}

// plain tells whether values of t hold no pointers, interfaces or functions.
func plain(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return true
	}
	return false
}

// droppedLine is the stderr line a redefinition prints when it loses variables.
func droppedLine(redefined, dropped []string) string {
	return fmt.Sprintf("redefined %s: dropped %s (re-run their cells)\n", strings.Join(redefined, ", "), strings.Join(dropped, ", "))
}
