package compat

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// yaegi keys the instances of generic functions by bare name and type arguments, across
// packages: after a cell's own func Max[T cmp.Ordered](xs []T) T has run on []float64,
// slices.Max on []float64 runs the cell's instance (a wrong answer), and after
// cmp.Compare(1, 2), slices.Compare on []int fails. So Load also compiles into each of
// the generic packages below a twin of every generic function, under a name no cell
// uses (slices.Slices_Max, with the calls between them renamed alike), and the rewrite
// points the cells' calls at the twins. The functions keep their names for what the
// rewrite does not see (a function value, a call of unknown type).

// twinned lists the interpreted packages whose generic functions have twins.
var twinned = [...]string{"cmp", "iter", "maps", "slices"}

// twinName returns the name of the twin of the generic function fn of package pkg.
func twinName(pkg, fn string) string {
	return strings.ToUpper(pkg[:1]) + pkg[1:] + "_" + fn
}

// genericFuncs returns the names of the generic functions of an interpreted package.
func genericFuncs(pkg string) (map[string]bool, error) {
	out := map[string]bool{}
	dir := path.Join("_gopath/src", pkg)
	entries, err := fs.ReadDir(sources, dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		src, err := fs.ReadFile(sources, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(token.NewFileSet(), e.Name(), src, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Type.TypeParams != nil {
				out[fd.Name.Name] = true
			}
		}
	}
	return out, nil
}

// twinSource returns a file of package pkg holding the twins of the generic functions of
// src, or "" if it has none. generics holds the generic functions of every twinned
// package, by package name.
func twinSource(pkg string, src []byte, generics map[string]map[string]bool) (string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, pkg+".go", src, parser.SkipObjectResolution)
	if err != nil {
		return "", err
	}
	var decls []ast.Decl
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			if d.Tok == token.IMPORT {
				decls = append(decls, d)
			}
		case *ast.FuncDecl:
			if d.Recv == nil && d.Type.TypeParams != nil {
				renameGenerics(d, pkg, generics)
				decls = append(decls, d)
			}
		}
	}
	if !hasFunc(decls) {
		return "", nil
	}
	f.Decls, f.Comments = decls, nil
	var b bytes.Buffer
	if err := printer.Fprint(&b, fset, f); err != nil {
		return "", err
	}
	return b.String(), nil
}

// hasFunc tells whether decls hold a function.
func hasFunc(decls []ast.Decl) bool {
	return slices.ContainsFunc(decls, func(d ast.Decl) bool { _, ok := d.(*ast.FuncDecl); return ok })
}

// renameGenerics renames a generic function of pkg to its twin, and in its body the
// calls of generic functions, of pkg (Collect) and of other twinned packages (cmp.Compare).
func renameGenerics(fd *ast.FuncDecl, pkg string, generics map[string]map[string]bool) {
	fd.Name.Name = twinName(pkg, fd.Name.Name)
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if x, ok := n.X.(*ast.Ident); ok && generics[x.Name][n.Sel.Name] {
				n.Sel.Name = twinName(x.Name, n.Sel.Name)
			}
			ast.Inspect(n.X, walk)
			return false
		case *ast.Ident:
			if generics[pkg][n.Name] {
				n.Name = twinName(pkg, n.Name)
			}
		}
		return true
	}
	ast.Inspect(fd.Body, walk)
}

// redirectTwin points a call of a generic function of a twinned package at its twin.
func (r *rewriter) redirectTwin(call *ast.CallExpr) {
	fun := call.Fun
	for {
		switch x := fun.(type) {
		case *ast.IndexExpr:
			fun = x.X
			continue
		case *ast.IndexListExpr:
			fun = x.X
			continue
		case *ast.ParenExpr:
			fun = x.X
			continue
		}
		break
	}
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	fn, ok := r.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || !slices.Contains(twinned[:], fn.Pkg().Path()) {
		return
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.TypeParams().Len() > 0 {
		sel.Sel = &ast.Ident{NamePos: sel.Sel.Pos(), Name: twinName(fn.Pkg().Name(), fn.Name())}
	}
}
