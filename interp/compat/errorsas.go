package compat

import (
	"go/ast"
	"go/types"
	"strings"
)

// errorsAs rewrites errors.As(err, &target) with a target of a pointer to a cell type
// (var ve *ValidationError) into a walk of err's chain in interpreted code, asserting each
// error to *ValidationError: yaegi's errors.As is native and panics on a cell type
// (*target must be interface or implement error). The chain is walked as errors.As does:
// an As(any) bool method, Unwrap() error, Unwrap() []error depth first, and native
// wrappers (%w, errors.Join) through gogradcompat.Unwrap. A target of a cell value type
// (var ne NegativeError) is left to checkErrorsAs's error: yaegi cannot assert a value
// type out of error. It returns nil when the call is not one of these.
func (r *rewriter) errorsAs(call *ast.CallExpr) ast.Expr {
	if r.packageCall(call, "errors", "As", 2) == nil {
		return nil
	}
	p, ok := r.typeOf(call.Args[1]).(*types.Pointer)
	if !ok {
		return nil
	}
	target, ok := p.Elem().(*types.Pointer)
	if !ok || !mentionsCell(target) {
		return nil
	}
	if _, named := target.Elem().(*types.Named); !named || !expressible(target) {
		return nil
	}
	errType := types.Universe.Lookup("error").Type()
	if !types.Implements(target, errType.Underlying().(*types.Interface)) {
		return nil // go/types reports it; yaegi will too
	}
	t := types.TypeString(target, r.qualifier)
	src := `func(_ggerr error, _ggtarget *` + t + `) bool {
	` + r.errorChain("_ggas", `if _ggv, _ggok := _ggerr.(`+t+`); _ggok { *_ggtarget = _ggv; return true }
			if _ggm, _ggok := _ggerr.(interface{ As(any) bool }); _ggok && _ggm.As(_ggtarget) { return true }`) + `
	return _ggas(_ggerr)
}(_ggX, _ggY)`
	f := r.fragment(src, call.Pos())
	if f == nil {
		return nil
	}
	return substitute(substitute(f, "_ggX", call.Args[0]), "_ggY", call.Args[1])
}

// cellUnwraps returns statements for the loop of an error chain walk over _ggerr that
// unwrap each cell type with an Unwrap() error method: yaegi's assertion to
// interface{ Unwrap() error } misses a cell value, so each type is asserted by name.
func (r *rewriter) cellUnwraps() string {
	var b strings.Builder
	for _, t := range r.distinctCellTypes() {
		sel := types.NewMethodSet(t).Lookup(nil, "Unwrap") // in t's method set: *T's methods for T only when addressable
		if sel == nil {
			continue
		}
		fn := sel.Obj().(*types.Func)
		sig := fn.Type().(*types.Signature)
		if sig.Params().Len() != 0 || sig.Results().Len() != 1 || !types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type()) {
			continue
		}
		if !expressible(t) {
			continue
		}
		b.WriteString("\t\t\tif _ggw, _ggok := _ggerr.(" + types.TypeString(t, r.qualifier) + "); _ggok { _ggerr = _ggw.Unwrap(); continue }\n")
	}
	return b.String()
}
