package compat

import (
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// Rewrite rewrites one parsed cell in place so that yaegi v0.16.1 runs it as Go 1.26
// would. It needs the helpers and packages that Load compiles into the interpreter.
//
// Types come from type-checking the cell alone: a range over a value declared in an
// earlier cell is rewritten only when its kind shows in the cell itself. A session should
// use a Rewriter, which remembers the declarations of earlier cells.
// The error, if any, joins one error per unsupported construct; each names the feature,
// the position and the workaround.
func Rewrite(fset *token.FileSet, f *ast.File) error {
	info, _ := checkCell(fset, f, nil, nil)
	_, err := rewrite(fset, f, info, 0, nil, nil, nil)
	return err
}

// rewrite applies every rewrite to f, given what go/types learnt about it and the
// interpreter's native symbols (may be nil); memory holds the remembered declarations of
// earlier cells, carried the package-level variables that hold natively typed values (see
// Rewriter.Carried). Fresh names are numbered from n+1; it returns the last number used.
func rewrite(fset *token.FileSet, f *ast.File, info *types.Info, n int, symbols map[string]map[string]reflect.Value, memory []*ast.File, carried map[string]bool) (last int, err error) {
	defer func() {
		if p := recover(); p != nil { // a bug here must not end the kernel: report it
			last, err = n, fmt.Errorf("compat: internal error rewriting the cell: %v", p)
		}
	}()
	r := &rewriter{fset: fset, info: info, n: n, symbols: symbols, scope: f.Scope}
	r.classify(f)
	r.constGroups(f)
	r.topAsserts = r.topCommaOK(f) // before commaOKAsserts: it turns var declarations into defines
	r.commaOK = commaOKAsserts(f)
	r.recv = r.topCommaRecv(f)
	r.nested = markNestedDefines(f)
	r.pending = map[ast.Node][]ast.Stmt{}
	r.packageVarFuncs(f) // before markGenericResults: the values it moves are inside functions
	r.markGenericResults(f)
	r.nativeVars = nativeVars(info, append(memory[:len(memory):len(memory)], f))
	for _, obj := range info.Defs {
		if v, ok := obj.(*types.Var); ok && carried[v.Name()] && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			r.nativeVars[obj] = true
		}
	}
	astutil.Apply(f, nil, r.post)
	r.wrapGenericValues(f)
	wrapTopLevel(f)
	return r.n, errors.Join(r.errs...)
}

// rewriter carries the state of one Rewrite call.
type rewriter struct {
	fset          *token.FileSet
	info          *types.Info
	ranges        map[*ast.RangeStmt]rangeKind        // decided on the original tree, before any change
	yielded       map[ast.Expr][]reflect.Type         // types yielded by native iterators, by range expression
	commaOK       map[*ast.TypeAssertExpr]bool        // type assertions used as v, ok := x.(T)
	topAsserts    map[*ast.TypeAssertExpr]bool        // those of them outside functions (topassert.go)
	nested        map[*ast.AssignStmt]bool            // multi-value defines to split (multidef.go)
	pending       map[ast.Node][]ast.Stmt             // declarations to put before an if, for or switch
	symbols       map[string]map[string]reflect.Value // the interpreter's native packages, or nil
	scope         *ast.Scope                          // the parser's scope of the cell (resolve.go)
	genericValues map[ast.Expr]types.Type             // top-level values from generic calls (generictop.go)
	nativeVars    map[types.Object]bool               // variables defined from native calls (instantiate.go)
	cellTypes     []types.Type                        // distinctCellTypes, once computed
	recv          commaRecv                           // comma-ok indexes and receives outside functions (topcommaok.go)
	n             int                                 // counter for fresh names
	jsonReported  bool                                // checkJSON reported a call already (one error per cell)
	errs          []error
}

// fresh returns a new identifier, unique in the cell, at pos.
func (r *rewriter) fresh(pos token.Pos, role string) *ast.Ident {
	return &ast.Ident{NamePos: pos, Name: "_gg" + strconv.Itoa(r.n) + role}
}

// next starts a new group of fresh names.
func (r *rewriter) next() { r.n++ }

// post is the astutil post-order visitor: children are already rewritten.
func (r *rewriter) post(c *astutil.Cursor) bool {
	switch n := c.Node().(type) {
	case *ast.CallExpr:
		if x := r.builtin(n); x != nil {
			if t, ok := r.genericValues[n]; ok {
				r.genericValues[x] = t // y := max(x, 1) is wrapped as a generic value
			}
			c.Replace(x)
		} else if x := r.conversion(n); x != nil {
			c.Replace(x)
		} else if x := r.reflectName(n); x != nil {
			c.Replace(x)
		} else if x := r.errorsIs(n); x != nil {
			c.Replace(x)
		} else if x := r.errorsAs(n); x != nil {
			c.Replace(x)
		} else {
			r.variadicIfaces(n)
			r.instantiate(n)
			r.redirectTwin(n)
			r.printValues(n)
			r.plainVerbs(n)
			r.typeVerbs(n)
			r.checkErrorsAs(n)
			r.checkJSON(n)
		}
	case *ast.BinaryExpr:
		if x := r.equality(n); x != nil {
			c.Replace(x)
		}
	case *ast.StructType:
		hideUnexported(n)
	case *ast.TypeSpec:
		r.typeIdentity(n)
	case *ast.ValueSpec:
		r.assignIfaces(n)
	case *ast.AssignStmt:
		r.assignIfaces(n)
		if r.nested[n] {
			r.splitDefine(c, n)
		}
	case *ast.IfStmt, *ast.SwitchStmt:
		if s := r.withPending(n.(ast.Stmt)); s != nil {
			c.Replace(s)
		}
	case *ast.TypeAssertExpr:
		r.checkAssert(n.X, n.Type)
		if x := r.assertIface(n.X, r.typeOf(n.X), n.Type, r.commaOK[n]); x != nil {
			c.Replace(x)
		} else if r.topAsserts[n] {
			if x := r.assertInFunc(n); x != nil {
				c.Replace(x)
			}
		}
	case *ast.LabeledStmt:
		if rs, ok := n.Stmt.(*ast.RangeStmt); ok {
			if s := r.rangeStmt(rs, n); s != nil {
				c.Replace(s)
			}
		}
	case *ast.RangeStmt:
		if _, labeled := c.Parent().(*ast.LabeledStmt); labeled {
			return true
		}
		if s := r.rangeStmt(n, nil); s != nil {
			c.Replace(s)
		}
	case *ast.ForStmt:
		var label *ast.Ident
		if l, ok := c.Parent().(*ast.LabeledStmt); ok {
			label = l.Label
		}
		r.forLoopVars(n, label)
		if s := r.withPending(n); s != nil && label == nil {
			c.Replace(s)
		}
	case *ast.TypeSwitchStmt:
		if s := r.typeSwitch(n); s != nil {
			c.Replace(s)
		}
	case *ast.SelectorExpr:
		if x := r.methodValue(c, n); x != nil {
			c.Replace(x)
		}
	case *ast.DeferStmt:
		if s := r.deferArgs(n); s != nil {
			c.Replace(s)
		}
	}
	r.postCommaRecv(c)
	return true
}

// errorf records an unsupported construct at pos.
func (r *rewriter) errorf(pos token.Pos, format string, args ...any) {
	r.errs = append(r.errs, &Error{Pos: r.fset.Position(pos), Msg: sprintf(format, args...)})
}

// packageCall returns the package identifier of call when call is path.name(...) with
// nargs arguments and no spread, the package imported under any name; nil otherwise.
func (r *rewriter) packageCall(call *ast.CallExpr, path, name string, nargs int) *ast.Ident {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name || len(call.Args) != nargs || call.Ellipsis.IsValid() {
		return nil
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil
	}
	if pn, ok := r.info.Uses[pkg].(*types.PkgName); !ok || pn.Imported().Path() != path {
		return nil
	}
	return pkg
}

// helper returns the selector gogradcompat.name at pos.
func helper(pos token.Pos, name string) *ast.SelectorExpr {
	return &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: HelperPackage}, Sel: &ast.Ident{NamePos: pos, Name: name}}
}

// ident returns a copy of id at pos, so that one name can appear in several places; the
// copy keeps the parser's object (resolve.go).
func ident(id *ast.Ident, pos token.Pos) *ast.Ident {
	return &ast.Ident{NamePos: pos, Name: id.Name, Obj: id.Obj}
}

// isBlank tells whether e is absent or the blank identifier.
func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return e == nil || ok && id.Name == "_"
}
