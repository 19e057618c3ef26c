package compat

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// yaegi's fmt hook applies a cell type's String or Error method only to the arguments
// themselves: fmt.Println(params) with params a []*Value prints pointers. A slice or array
// of such a type given to fmt's Print, Println, Sprint or Sprintln, or to a %v or %s verb,
// is formatted element by element as fmt would:
//
//	fmt.Println(params)  =>  fmt.Println(func() string { s := "["; for i, e := range params {
//	                             if i > 0 { s += " " }; s += fmt.Sprint(e) }; return s + "]" }())

// printFuncs are the fmt functions whose arguments are all formatted with %v.
var printFuncs = map[string]bool{"Print": true, "Println": true, "Sprint": true, "Sprintln": true}

// printSlices rewrites the slice arguments of a fmt print call (see above).
func (r *rewriter) printSlices(call *ast.CallExpr) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || call.Ellipsis.IsValid() {
		return
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return
	}
	pn, ok := r.info.Uses[pkg].(*types.PkgName)
	if !ok || pn.Imported().Path() != "fmt" {
		return
	}
	first := -1 // index of the first argument formatted with %v
	var verbs []verb
	if printFuncs[sel.Sel.Name] {
		first = 0
	} else if fi, ok := printfFuncs[sel.Sel.Name]; ok && len(call.Args) > fi {
		lit, ok := call.Args[fi].(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return
		}
		format, err := strconv.Unquote(lit.Value)
		if err != nil {
			return
		}
		if verbs, ok = scanVerbs(format); !ok {
			return
		}
		first = fi + 1
	}
	if first < 0 {
		return
	}
	for i := first; i < len(call.Args); i++ {
		if verbs != nil && (i-first >= len(verbs) || verbs[i-first].verb != 'v' && verbs[i-first].verb != 's') {
			continue
		}
		if elem := r.stringerSlice(call.Args[i]); elem {
			call.Args[i] = joinElems(pkg, call.Args[i])
		}
	}
}

// stringerSlice tells whether e is a slice or array of a cell type with a String or
// Error method (on the value or the pointer).
func (r *rewriter) stringerSlice(e ast.Expr) bool {
	var elem types.Type
	switch t := r.typeOf(e).(type) {
	case *types.Slice:
		elem = t.Elem()
	case *types.Array:
		elem = t.Elem()
	default:
		return false
	}
	if !mentionsCell(elem) || types.IsInterface(elem) {
		return false
	}
	for _, name := range []string{"String", "Error"} {
		obj, _, _ := types.LookupFieldOrMethod(elem, true, nil, name)
		if _, ok := obj.(*types.Func); ok {
			return true
		}
	}
	return false
}

// joinElems returns the expression formatting the elements of x one by one with
// fmtPkg.Sprint, in brackets and separated by spaces.
func joinElems(fmtPkg *ast.Ident, x ast.Expr) ast.Expr {
	pos := x.Pos()
	id := func(name string) *ast.Ident { return &ast.Ident{NamePos: pos, Name: name} }
	str := func(s string) *ast.BasicLit {
		return &ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: strconv.Quote(s)}
	}
	addTo := func(v ast.Expr) ast.Stmt {
		return &ast.AssignStmt{Lhs: []ast.Expr{id("_ggs")}, TokPos: pos, Tok: token.ADD_ASSIGN, Rhs: []ast.Expr{v}}
	}
	sprint := &ast.CallExpr{Fun: &ast.SelectorExpr{X: id(fmtPkg.Name), Sel: id("Sprint")}, Lparen: pos, Args: []ast.Expr{id("_gge")}, Rparen: pos}
	loop := &ast.RangeStmt{For: pos, Key: id("_ggi"), Value: id("_gge"), TokPos: pos, Tok: token.DEFINE, X: x,
		Body: block(pos,
			&ast.IfStmt{If: pos, Cond: &ast.BinaryExpr{X: id("_ggi"), OpPos: pos, Op: token.GTR, Y: &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "0"}},
				Body: block(pos, addTo(str(" ")))},
			addTo(sprint))}
	body := block(pos,
		define(pos, []ast.Expr{id("_ggs")}, str("[")),
		loop,
		&ast.ReturnStmt{Return: pos, Results: []ast.Expr{&ast.BinaryExpr{X: id("_ggs"), OpPos: pos, Op: token.ADD, Y: str("]")}}})
	results := &ast.FieldList{List: []*ast.Field{{Type: id("string")}}}
	lit := &ast.FuncLit{Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}, Results: results}, Body: body}
	return &ast.CallExpr{Fun: lit, Lparen: pos, Rparen: pos}
}
