package compat

import (
	"go/constant"
	"go/token"
	"go/types"
	"path"
	"reflect"
	"strings"
)

// The interpreter's native packages (the standard library, nn, display) are compiled Go:
// the type-check knows them only through the reflect values of the symbol tables. From
// those, nativeTypes builds go/types packages holding their functions, variables,
// constants and types with their exported methods.
// Then words := strings.Fields(s) has the type []string in the rewrite, which needs it
// to write a generic value's type (generictop.go) and the type arguments yaegi cannot
// infer from native values (instantiate.go).

// nativeTypes converts reflect types to go/types types, package by package. The zero
// value is not ready: use newNativeTypes.
type nativeTypes struct {
	symbols map[string]map[string]reflect.Value // yaegi keys: "import/path/name"
	pkgs    map[string]*types.Package           // by import path, filled or being filled
	filled  map[string]bool
	named   map[reflect.Type]*types.Named
	busy    map[reflect.Type]bool // unnamed types being converted, to stop at cycles
}

// newNativeTypes returns a converter over the symbol tables (may be nil).
func newNativeTypes(symbols map[string]map[string]reflect.Value) *nativeTypes {
	return &nativeTypes{symbols: symbols, pkgs: map[string]*types.Package{}, filled: map[string]bool{},
		named: map[reflect.Type]*types.Named{}, busy: map[reflect.Type]bool{}}
}

// table returns the symbol table of the package at p and its name.
func (nt *nativeTypes) table(p string) (map[string]reflect.Value, string) {
	for key, t := range nt.symbols {
		if path.Dir(key) == p {
			return t, path.Base(key)
		}
	}
	return nil, path.Base(p)
}

// pkg returns the package object for p, created empty if needed.
func (nt *nativeTypes) pkg(p string) *types.Package {
	if pkg := nt.pkgs[p]; pkg != nil {
		return pkg
	}
	_, name := nt.table(p)
	pkg := types.NewPackage(p, name)
	nt.pkgs[p] = pkg
	return pkg
}

// pkgOrNil returns the package at p, or nil for the empty path (predeclared and unnamed
// types).
func (nt *nativeTypes) pkgOrNil(p string) *types.Package {
	if p == "" {
		return nil
	}
	return nt.pkg(p)
}

// Package returns the complete package at p, with the objects of its symbol table.
func (nt *nativeTypes) Package(p string) *types.Package {
	pkg := nt.pkg(p)
	if nt.filled[p] {
		return pkg
	}
	nt.filled[p] = true
	table, _ := nt.table(p)
	for name, v := range table {
		if strings.HasPrefix(name, "_") || !v.IsValid() || pkg.Scope().Lookup(name) != nil {
			continue // yaegi's interface wrappers, or a type already made by a reference
		}
		if obj := nt.object(pkg, name, v); obj != nil {
			pkg.Scope().Insert(obj)
		}
	}
	pkg.MarkComplete()
	return pkg
}

// object returns the go/types object for one symbol: yaegi exports a variable as the
// addressable variable itself, a function as itself, a type as a nil pointer to it and a
// constant as its value.
func (nt *nativeTypes) object(pkg *types.Package, name string, v reflect.Value) types.Object {
	switch {
	case v.CanAddr():
		return types.NewVar(token.NoPos, pkg, name, nt.typeOf(v.Type()))
	case v.Kind() == reflect.Func:
		if sig, ok := nt.typeOf(v.Type()).(*types.Signature); ok {
			return types.NewFunc(token.NoPos, pkg, name, sig)
		}
	case v.Kind() == reflect.Pointer && v.IsNil():
		nt.typeOf(v.Type().Elem()) // a named type inserts itself into its package
	default:
		if c, ok := v.Interface().(constant.Value); ok {
			return types.NewConst(token.NoPos, pkg, name, untypedOf(c), c)
		}
		if c := constantOf(v); c.Kind() != constant.Unknown {
			return types.NewConst(token.NoPos, pkg, name, nt.typeOf(v.Type()), c) // time.Millisecond
		}
	}
	return nil
}

// constantOf returns the value of a typed constant of a basic kind, or an unknown value.
func constantOf(v reflect.Value) constant.Value {
	switch {
	case v.CanInt():
		return constant.MakeInt64(v.Int())
	case v.CanUint():
		return constant.MakeUint64(v.Uint())
	case v.CanFloat():
		return constant.MakeFloat64(v.Float())
	case v.Kind() == reflect.String:
		return constant.MakeString(v.String())
	case v.Kind() == reflect.Bool:
		return constant.MakeBool(v.Bool())
	}
	return constant.MakeUnknown()
}

// untypedOf returns the untyped basic type of a constant.
func untypedOf(c constant.Value) types.Type {
	switch c.Kind() {
	case constant.Bool:
		return types.Typ[types.UntypedBool]
	case constant.String:
		return types.Typ[types.UntypedString]
	case constant.Int:
		return types.Typ[types.UntypedInt]
	case constant.Float:
		return types.Typ[types.UntypedFloat]
	case constant.Complex:
		return types.Typ[types.UntypedComplex]
	}
	return types.Typ[types.Invalid]
}

// typeOf returns the go/types type of t. Instances of generic types (iter.Seq[string])
// become their underlying type, which cells can write and infer through.
func (nt *nativeTypes) typeOf(t reflect.Type) types.Type {
	name := t.Name()
	switch {
	case name == "" || strings.Contains(name, "["):
		if nt.busy[t] {
			return types.Typ[types.Invalid] // a recursive generic instance: left untyped
		}
		nt.busy[t] = true
		defer delete(nt.busy, t)
		return nt.structure(t)
	case t.PkgPath() == "":
		if tn, ok := types.Universe.Lookup(name).(*types.TypeName); ok {
			return tn.Type() // int, string, error...
		}
		return nt.structure(t)
	}
	if n := nt.named[t]; n != nil {
		return n
	}
	pkg := nt.pkg(t.PkgPath())
	tn := types.NewTypeName(token.NoPos, pkg, name, nil)
	n := types.NewNamed(tn, nil, nil)
	nt.named[t] = n
	if pkg.Scope().Lookup(name) == nil {
		pkg.Scope().Insert(tn)
	}
	n.SetUnderlying(nt.structure(t))
	if t.Kind() != reflect.Interface {
		nt.methods(n, t)
	}
	return n
}

// methods adds to n the methods of the named non-interface type t, with a pointer
// receiver unless t's own method set has them.
func (nt *nativeTypes) methods(n *types.Named, t reflect.Type) {
	pt := reflect.PointerTo(t)
	for i := 0; i < pt.NumMethod(); i++ {
		m := pt.Method(i)
		var recv types.Type = types.NewPointer(n)
		if _, ok := t.MethodByName(m.Name); ok {
			recv = n
		}
		full := nt.signature(m.Type) // the receiver is the first parameter
		params := make([]*types.Var, 0, full.Params().Len())
		for j := 1; j < full.Params().Len(); j++ {
			params = append(params, full.Params().At(j))
		}
		sig := types.NewSignatureType(types.NewVar(token.NoPos, n.Obj().Pkg(), "", recv), nil, nil,
			types.NewTuple(params...), full.Results(), full.Variadic())
		n.AddMethod(types.NewFunc(token.NoPos, n.Obj().Pkg(), m.Name, sig))
	}
}

// basics maps reflect kinds to basic types.
var basics = map[reflect.Kind]types.BasicKind{
	reflect.Bool: types.Bool, reflect.Int: types.Int, reflect.Int8: types.Int8, reflect.Int16: types.Int16,
	reflect.Int32: types.Int32, reflect.Int64: types.Int64, reflect.Uint: types.Uint, reflect.Uint8: types.Uint8,
	reflect.Uint16: types.Uint16, reflect.Uint32: types.Uint32, reflect.Uint64: types.Uint64,
	reflect.Uintptr: types.Uintptr, reflect.Float32: types.Float32, reflect.Float64: types.Float64,
	reflect.Complex64: types.Complex64, reflect.Complex128: types.Complex128, reflect.String: types.String,
	reflect.UnsafePointer: types.UnsafePointer,
}

// structure returns the unnamed type with t's structure.
func (nt *nativeTypes) structure(t reflect.Type) types.Type {
	if b, ok := basics[t.Kind()]; ok {
		return types.Typ[b]
	}
	switch t.Kind() {
	case reflect.Slice:
		return types.NewSlice(nt.typeOf(t.Elem()))
	case reflect.Array:
		return types.NewArray(nt.typeOf(t.Elem()), int64(t.Len()))
	case reflect.Map:
		return types.NewMap(nt.typeOf(t.Key()), nt.typeOf(t.Elem()))
	case reflect.Pointer:
		return types.NewPointer(nt.typeOf(t.Elem()))
	case reflect.Chan:
		dir := map[reflect.ChanDir]types.ChanDir{reflect.BothDir: types.SendRecv, reflect.SendDir: types.SendOnly, reflect.RecvDir: types.RecvOnly}[t.ChanDir()]
		return types.NewChan(dir, nt.typeOf(t.Elem()))
	case reflect.Func:
		return nt.signature(t)
	case reflect.Interface:
		var methods []*types.Func
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			methods = append(methods, types.NewFunc(token.NoPos, nt.pkgOrNil(t.PkgPath()), m.Name, nt.signature(m.Type)))
		}
		return types.NewInterfaceType(methods, nil).Complete()
	case reflect.Struct:
		var fields []*types.Var
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			p := f.PkgPath // set for unexported fields only
			if p == "" {
				p = t.PkgPath()
			}
			fields = append(fields, types.NewField(token.NoPos, nt.pkgOrNil(p), f.Name, nt.typeOf(f.Type), f.Anonymous))
		}
		return types.NewStruct(fields, nil)
	}
	return types.Typ[types.Invalid]
}

// signature returns the signature of the function type t.
func (nt *nativeTypes) signature(t reflect.Type) *types.Signature {
	var params, results []*types.Var
	for i := 0; i < t.NumIn(); i++ {
		params = append(params, types.NewParam(token.NoPos, nil, "", nt.typeOf(t.In(i))))
	}
	for i := 0; i < t.NumOut(); i++ {
		results = append(results, types.NewParam(token.NoPos, nil, "", nt.typeOf(t.Out(i))))
	}
	return types.NewSignatureType(nil, nil, nil, types.NewTuple(params...), types.NewTuple(results...), t.IsVariadic())
}
