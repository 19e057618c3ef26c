package compat

import (
	"go/ast"
	"go/types"
)

// encoding/json reads a value's type by reflection, and yaegi v0.16.1 shows it cell types
// without what Go gives them (measured with raw yaegi, see FEATURES.md):
//
//   - methods: a cell type's MarshalJSON, UnmarshalJSON, MarshalText or UnmarshalText is
//     not called for a field, an element or a map key (the underlying value is encoded:
//     {"temp":21.55} for Go's {"temp":"21.6C"}), and an Unmarshal into it fails;
//   - embedding: an embedded cell struct is a field named after its type
//     (reflect.StructField.Anonymous is false), so json writes {"Meta":{"id":7}} for Go's
//     {"id":7} and Unmarshal leaves the promoted fields empty.
//
// Both are wrong answers, so a json call (Marshal, MarshalIndent, Unmarshal,
// Encoder.Encode, Decoder.Decode) whose argument's static type reaches such a cell type
// fails with an error naming it and the workaround, instead of running.

// jsonFuncs are the encoding/json functions and methods that reflect on their argument.
var jsonFuncs = map[string]bool{"Marshal": true, "MarshalIndent": true, "Unmarshal": true, "Encode": true, "Decode": true}

// jsonMethods are the methods encoding/json looks for.
var jsonMethods = []string{"MarshalJSON", "UnmarshalJSON", "MarshalText", "UnmarshalText"}

// checkJSON reports the first json call of the cell whose value reaches a cell type that
// yaegi shows json wrong.
func (r *rewriter) checkJSON(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) == 0 {
		return
	}
	fn, ok := r.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "encoding/json" || !jsonFuncs[fn.Name()] {
		return
	}
	arg := call.Args[0]
	if fn.Name() == "Unmarshal" && len(call.Args) == 2 {
		arg = call.Args[1]
	}
	if msg := jsonProblem(r.typeOf(arg), map[types.Type]bool{}); msg != "" && !r.jsonReported {
		r.jsonReported = true // the first is enough: the others have the same cause
		r.errorf(arg.Pos(), "json.%s of %s is not supported by the interpreter: %s", fn.Name(), render(r.fset, arg), msg)
	}
}

// jsonProblem returns what json would get wrong about t, or "".
func jsonProblem(t types.Type, seen map[types.Type]bool) string {
	if t == nil || seen[t] {
		return ""
	}
	seen[t] = true
	switch u := t.(type) {
	case *types.Pointer:
		return jsonProblem(u.Elem(), seen)
	case *types.Slice:
		return jsonProblem(u.Elem(), seen)
	case *types.Array:
		return jsonProblem(u.Elem(), seen)
	case *types.Map:
		if m := jsonProblem(u.Key(), seen); m != "" {
			return m
		}
		return jsonProblem(u.Elem(), seen)
	case *types.Named:
		if u.Obj().Pkg() == nil || u.Obj().Pkg().Path() != "main" {
			return ""
		}
		for _, name := range jsonMethods {
			if obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(u), true, u.Obj().Pkg(), name); obj != nil {
				if _, isFunc := obj.(*types.Func); isFunc {
					return "encoding/json does not see the " + name + " method of the cell type " + u.Obj().Name() +
						" (it would use the underlying value); convert to and from a type of plain fields yourself (call the method and use its result)"
				}
			}
		}
		return jsonProblem(u.Underlying(), seen)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if f.Embedded() {
				return "encoding/json sees the embedded field " + f.Name() +
					" as a field named " + f.Name() + " instead of promoting its fields; write its fields into the outer struct, or give it a name and a tag"
			}
			if m := jsonProblem(f.Type(), seen); m != "" {
				return m
			}
		}
	}
	return ""
}
