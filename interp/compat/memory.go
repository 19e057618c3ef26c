package compat

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

// Rewriter rewrites the cells of one session in order, remembering what earlier cells
// declared (imports, types, function signatures, variables) so that a cell's types are
// known even when they come from earlier cells: "for x := range count(3)" needs to know
// that count, declared two cells ago, returns an iterator. The zero value is ready to use;
// a Rewriter is not safe for concurrent use.
type Rewriter struct {
	// Symbols, if set, are the symbol tables given to the interpreter (interp.Exports):
	// they tell the rewrite what native functions return, so that a range over
	// strings.Lines(s) is seen to range over an iterator.
	Symbols map[string]map[string]reflect.Value

	imports map[string]string // import path -> spec source (with its name, if any)
	decls   map[string]string // declared name ("T", "f", "T.M") -> source without bodies
	order   []string          // names of decls, first declaration first
	n       int               // last number used in fresh names: unique across cells
	imp     *sourceImporter   // the interpreted packages, type-checked once
	carried map[string]bool   // package-level variables holding natively typed values (Carried)
	last    *types.Info       // what the type-check of the last rewritten cell learnt (Display)
}

// Carried tells the rewriter that the package-level variables names now hold natively
// typed values: a session that moves to a fresh interpreter declares the variables of
// native types from native variables (interp's carry.go), and yaegi infers no type
// argument from those, as from any native value (slices.Sort(xs) fails with a nil
// dereference), so the rewrite writes the type arguments. A cell that declares one of
// the names again ends this.
func (rw *Rewriter) Carried(names []string) {
	if rw.carried == nil {
		rw.carried = map[string]bool{}
	}
	for _, n := range names {
		rw.carried[n] = true
	}
}

// Rewrite rewrites one cell like the package function Rewrite, with the declarations of
// the cells rewritten before it in scope, then remembers the cell's own declarations.
// Statement cells wrapped in a function (as the session parses them) contribute their
// top-level variables as package variables.
func (rw *Rewriter) Rewrite(fset *token.FileSet, f *ast.File) error {
	for _, name := range declNames(f) {
		delete(rw.carried, name)
	}
	memory := rw.file(fset, f)
	rw.remember(fset, f) // before rewriting: remembered code must type-check without helpers
	extra := rw.importsFor(fset, f)
	f.Decls = append(extra, f.Decls...)
	if rw.imp == nil {
		rw.imp = newSourceImporter()
		rw.imp.natives = newNativeTypes(rw.Symbols)
	}
	info, implicit := checkCell(fset, f, rw.imp, rw.Symbols, memory...)
	rw.last = info
	f.Decls = f.Decls[len(extra):]
	for _, p := range implicit {
		rw.Import(&ast.ImportSpec{Path: &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(p)}})
	}
	var err error
	rw.n, err = rewrite(fset, f, info, rw.n, rw.Symbols, memory, rw.carried)
	return err
}

// file returns the remembered declarations, except those the cell declares again, as a
// file of the same package.
func (rw *Rewriter) file(fset *token.FileSet, f *ast.File) []*ast.File {
	if len(rw.decls) == 0 && len(rw.imports) == 0 {
		return nil
	}
	redeclared := map[string]bool{}
	for _, name := range declNames(f) {
		redeclared[name] = true
	}
	var b bytes.Buffer
	b.WriteString("package main\n")
	for _, spec := range rw.imports {
		b.WriteString("import " + spec + "\n")
	}
	for _, name := range rw.order {
		if !redeclared[name] {
			b.WriteString(rw.decls[name] + "\n")
		}
	}
	mf, err := parser.ParseFile(fset, "memory.go", b.Bytes(), parser.SkipObjectResolution)
	if err != nil {
		return nil // a remembered declaration no longer parses alone: go on without memory
	}
	return []*ast.File{mf}
}

// importsFor returns import declarations for the remembered packages the cell uses
// without importing them (the session keeps imports across cells; Go scopes them to a
// file). The caller removes them again after type-checking.
func (rw *Rewriter) importsFor(fset *token.FileSet, f *ast.File) []ast.Decl {
	have := map[string]bool{}
	for _, is := range f.Imports {
		if p, err := strconv.Unquote(is.Path.Value); err == nil {
			have[p] = true
		}
	}
	var out []ast.Decl
	for p, spec := range rw.imports {
		if have[p] {
			continue
		}
		d, err := parser.ParseFile(fset, "imports.go", "package main\nimport "+spec, 0)
		if err != nil || len(d.Decls) == 0 {
			continue
		}
		out = append(out, d.Decls[0])
	}
	return out
}

// remember records the cell's imports and declarations.
func (rw *Rewriter) remember(fset *token.FileSet, f *ast.File) {
	if rw.decls == nil {
		rw.imports, rw.decls = map[string]string{}, map[string]string{}
	}
	for _, is := range f.Imports {
		rw.Import(is)
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			if d.Tok != token.IMPORT {
				rw.genDecl(fset, d)
			}
		case *ast.FuncDecl:
			rw.funcDecl(fset, d)
		}
	}
}

// funcDecl remembers a function's signature, or for a body-only wrapper of statements
// (func main with no parameters, as the session parses statement cells), the variables
// its top level declares.
func (rw *Rewriter) funcDecl(fset *token.FileSet, d *ast.FuncDecl) {
	if d.Recv == nil && d.Name.Name == "main" && d.Body != nil {
		for _, s := range d.Body.List {
			rw.stmtVars(fset, s)
		}
		return
	}
	sig := &ast.FuncDecl{Recv: d.Recv, Name: d.Name, Type: d.Type}
	rw.put(funcKey(d), render(fset, sig))
}

// stmtVars remembers the variables a top-level statement of a statement cell declares.
func (rw *Rewriter) stmtVars(fset *token.FileSet, s ast.Stmt) {
	switch s := s.(type) {
	case *ast.AssignStmt:
		if s.Tok != token.DEFINE {
			return
		}
		spec := &ast.ValueSpec{Values: s.Rhs}
		for _, l := range s.Lhs {
			id, ok := l.(*ast.Ident)
			if !ok {
				return
			}
			spec.Names = append(spec.Names, id)
		}
		rw.genDecl(fset, &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{spec}})
	case *ast.DeclStmt:
		if g, ok := s.Decl.(*ast.GenDecl); ok {
			rw.genDecl(fset, g)
		}
	}
}

// genDecl remembers each spec of a const, var or type declaration under its names.
func (rw *Rewriter) genDecl(fset *token.FileSet, d *ast.GenDecl) {
	var last *ast.ValueSpec // the last const spec with values, which continuations repeat
	for i, spec := range d.Specs {
		if vs, ok := spec.(*ast.ValueSpec); ok && d.Tok == token.CONST {
			if vs.Values != nil {
				last = vs
			}
			if src := constAlone(vs, last, i); src != "" {
				for _, n := range vs.Names {
					rw.put(n.Name, src)
				}
			}
			continue
		}
		one := &ast.GenDecl{Tok: d.Tok, Specs: []ast.Spec{spec}}
		src := render(fset, one)
		switch spec := spec.(type) {
		case *ast.TypeSpec:
			rw.put(spec.Name.Name, src)
		case *ast.ValueSpec:
			for _, n := range spec.Names {
				rw.put(n.Name, src)
			}
		}
	}
}

// constAlone returns the source of the const spec at index i of its group written to stand
// alone: iota becomes i, and an iota continuation (Monday after Sunday Weekday = iota)
// repeats the type and values of last. Continuations were left out before, so later cells
// type-checked Monday as unknown, and the rewrites that need a type (%d of a cell type with
// a String method) missed it. "" when there is nothing to repeat.
func constAlone(vs, last *ast.ValueSpec, i int) string {
	typ, values := vs.Type, vs.Values
	if values == nil {
		if last == nil || len(last.Values) != len(vs.Names) {
			return ""
		}
		typ, values = last.Type, last.Values
	}
	var names, vals []string
	for _, n := range vs.Names {
		names = append(names, n.Name)
	}
	for _, v := range values {
		vals = append(vals, types.ExprString(withIota(v, i)))
	}
	src := "const " + strings.Join(names, ", ")
	if typ != nil {
		src += " " + types.ExprString(typ)
	}
	return src + " = " + strings.Join(vals, ", ")
}

// withIota returns a copy of the constant expression x with iota replaced by i.
func withIota(x ast.Expr, i int) ast.Expr {
	c, err := parser.ParseExpr(types.ExprString(x))
	if err != nil {
		return x
	}
	return astutil.Apply(c, nil, func(cur *astutil.Cursor) bool {
		if id, ok := cur.Node().(*ast.Ident); ok && id.Name == "iota" {
			cur.Replace(&ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(i)})
		}
		return true
	}).(ast.Expr)
}

// put records one declaration, replacing an earlier one of the same name.
func (rw *Rewriter) put(name, src string) {
	if name == "_" || src == "" {
		return
	}
	if _, ok := rw.decls[name]; !ok {
		rw.order = append(rw.order, name)
	}
	rw.decls[name] = src
}

// declNames lists the names a cell declares, as remember keys them.
func declNames(f *ast.File) []string {
	var out []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			out = append(out, funcKey(d))
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					out = append(out, spec.Name.Name)
				case *ast.ValueSpec:
					for _, n := range spec.Names {
						out = append(out, n.Name)
					}
				}
			}
		}
	}
	return out
}

// funcKey is the name a function or method is remembered under: "f" or "T.M".
func funcKey(d *ast.FuncDecl) string {
	if k := MethodKey(d); k != "" {
		return k
	}
	return d.Name.Name
}

// MethodKey names a method after its receiver's base type, "T.M" (for T, *T and generic
// T[P]), and returns "" for a function. The session keys its definitions the same way.
func MethodKey(d *ast.FuncDecl) string {
	if d.Recv == nil {
		return ""
	}
	if id := ReceiverIdent(d.Recv); id != nil {
		return id.Name + "." + d.Name.Name
	}
	return ""
}

// ReceiverIdent returns the identifier of a method's receiver type: T for (t *T) or
// (l List[E]), or nil.
func ReceiverIdent(recv *ast.FieldList) *ast.Ident {
	if recv == nil || len(recv.List) == 0 {
		return nil
	}
	t := recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.ParenExpr:
			t = x.X
		case *ast.StarExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x
		default:
			return nil
		}
	}
}

// render prints a declaration as source, or "" if it cannot be printed.
func render(fset *token.FileSet, n ast.Node) string {
	var b bytes.Buffer
	if err := printer.Fprint(&b, fset, n); err != nil {
		return ""
	}
	return b.String()
}
