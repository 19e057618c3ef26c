package compat

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// yaegi compares two interface values holding cell values wrongly: an error holding a
// *MyErr compared with another panics ("comparing uncomparable type interp._error": yaegi
// wraps the value in a struct of method closures), two `any` holding the same cell pointer
// are unequal, two Shape values holding equal cell structs are unequal. == and != between
// two interface operands, and errors.Is, are rewritten to compare in interpreted code,
// where yaegi still knows the dynamic types: each cell type both operands may hold is tried
// in turn and, when the left one holds it, the two concrete values are compared:
//
//	err1 == err2  =>  func(_ggx error, _ggy error) bool {
//	                      if _gga, _ggok := _ggx.(*MyErr); _ggok { _ggb, _ggok := _ggy.(*MyErr); return _ggok && _gga == _ggb }
//	                      if _, _ggok := _ggy.(*MyErr); _ggok { return false }
//	                      return gogradcompat.Equal(_ggx, _ggy) }(err1, err2)
//
// A cell value type with value-receiver methods in a native interface (var e error = V{})
// cannot be asserted back by yaegi: comparing two of them panics with a message naming the
// workaround, pointer receivers (gogradcompat.Equal).

// equality returns the replacement of x == y or x != y for two interface operands that
// may hold cell types, or nil.
func (r *rewriter) equality(be *ast.BinaryExpr) ast.Expr {
	if be.Op != token.EQL && be.Op != token.NEQ {
		return nil
	}
	tx, ty := r.typeOf(be.X), r.typeOf(be.Y)
	if tx == nil || ty == nil || !types.IsInterface(tx) || !types.IsInterface(ty) {
		return nil
	}
	src := r.equalFunc(tx, ty)
	if src == "" {
		return nil
	}
	if be.Op == token.NEQ {
		src = "!" + src
	}
	f := r.fragment(src+"(_ggX, _ggY)", be.OpPos)
	if f == nil {
		return nil
	}
	return substitute(substitute(f, "_ggX", be.X), "_ggY", be.Y)
}

// equalFunc returns the source of a function literal comparing a value of interface type
// tx with one of interface type ty as Go does, or "" when no cell type can be in both.
func (r *rewriter) equalFunc(tx, ty types.Type) string {
	ix, iy := tx.Underlying().(*types.Interface), ty.Underlying().(*types.Interface)
	var cands []string
	for _, t := range r.distinctCellTypes() {
		if types.Comparable(t) && types.Implements(t, ix) && types.Implements(t, iy) {
			cands = append(cands, types.TypeString(t, r.qualifier))
		}
	}
	nx, ny := r.typeExpr(tx, token.NoPos), r.typeExpr(ty, token.NoPos)
	if len(cands) == 0 || nx == nil || ny == nil {
		return ""
	}
	var sb strings.Builder
	sb.WriteString("func(_ggx " + types.TypeString(tx, r.qualifier) + ", _ggy " + types.TypeString(ty, r.qualifier) + ") bool { ")
	// yaegi panics asserting a nil interface, where Go answers false
	sb.WriteString("if _ggx == nil || _ggy == nil { return _ggx == nil && _ggy == nil }; ")
	for _, c := range cands {
		sb.WriteString("if _gga, _ggok := _ggx.(" + c + "); _ggok { _ggb, _ggok := _ggy.(" + c + "); return _ggok && _gga == _ggb }; ")
	}
	for _, c := range cands {
		sb.WriteString("if _, _ggok := _ggy.(" + c + "); _ggok { return false }; ")
	}
	sb.WriteString("return " + HelperPackage + ".Equal(_ggx, _ggy) }")
	return sb.String()
}

// errorsIs returns the replacement of errors.Is(err, target) when a cell type may be the
// target, or nil: the native errors.Is compares with == too, and finds yaegi's wrapped
// cell values uncomparable (false). The replacement walks the chain as errors.Is does
// (Is methods, Unwrap() error, Unwrap() []error), comparing with equalFunc. yaegi's
// assertions to those anonymous interfaces find the methods of cell types only, so native
// wrappers (fmt.Errorf's %w, errors.Join) are unwrapped by reflection (gogradcompat.Unwrap).
func (r *rewriter) errorsIs(call *ast.CallExpr) ast.Expr {
	if r.packageCall(call, "errors", "Is", 2) == nil {
		return nil
	}
	errType := types.Universe.Lookup("error").Type()
	eq := r.equalFunc(errType, errType)
	if eq == "" {
		return nil
	}
	src := `func(_ggerr, _ggtarget error) bool {
	` + r.errorChain("_ggis", `if `+eq+`(_ggerr, _ggtarget) { return true }
			if _ggm, _ggok := _ggerr.(interface{ Is(error) bool }); _ggok && _ggm.Is(_ggtarget) { return true }`) + `
	if _ggtarget == nil { return _ggerr == nil }
	return _ggis(_ggerr)
}(_ggX, _ggY)`
	f := r.fragment(src, call.Pos())
	if f == nil {
		return nil
	}
	return substitute(substitute(f, "_ggX", call.Args[0]), "_ggY", call.Args[1])
}

// errorChain returns the source of a recursive function, assigned to the variable fn, that
// walks an error's chain as errors.Is and errors.As do and answers true once match (the
// source of statements on _ggerr, the error at hand) returns true: cell types' Unwrap
// (cellUnwraps), Unwrap() error, Unwrap() []error, and native wrappers, which yaegi's
// assertions to those anonymous interfaces miss, through gogradcompat.Unwrap.
func (r *rewriter) errorChain(fn, match string) string {
	return `var ` + fn + ` func(error) bool
	` + fn + ` = func(_ggerr error) bool {
		for _ggerr != nil {
			` + match + `
` + r.cellUnwraps() + `
			if _ggu, _ggok := _ggerr.(interface{ Unwrap() error }); _ggok { _ggerr = _ggu.Unwrap(); continue }
			if _ggu, _ggok := _ggerr.(interface{ Unwrap() []error }); _ggok {
				for _, _gge := range _ggu.Unwrap() { if ` + fn + `(_gge) { return true } }
				return false
			}
			_ggu, _ggus := ` + HelperPackage + `.Unwrap(_ggerr)
			if _ggu != nil { _ggerr = _ggu; continue }
			for _, _gge := range _ggus { if ` + fn + `(_gge) { return true } }
			return false
		}
		return false
	}`
}
