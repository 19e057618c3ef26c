package compat

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"reflect"
	"slices"
	"strconv"
)

// A session imports packages apart from the code it rewrites: a cell's import declarations
// and the packages it uses without importing them ("slices.Sort(xs)" with no import) are
// evaluated on their own. Without them, go/types sees "slices" and "maps" as undefined
// names, every expression using them has no type, and the rewrites that need types are
// skipped: keys := slices.Collect(maps.Keys(m)) at the top of a cell then reaches yaegi as
// written and panics in its compiler (see generictop.go). So the names of packages that a
// cell uses, and that neither it nor an earlier cell declares, are imported for the
// type-check: the interpreted packages by name, native ones when their name is unique in
// the symbol tables. Rewriter.Import records a session's import exactly.

// checkCell type-checks f with the remembered declarations like check, and again with the
// implicit imports if it uses packages it does not import. It returns what go/types
// learnt and the paths of the implicit imports.
func checkCell(fset *token.FileSet, f *ast.File, imp *sourceImporter, symbols map[string]map[string]reflect.Value, memory ...*ast.File) (*types.Info, []string) {
	if imp == nil {
		imp = newSourceImporter()
	}
	info := check(fset, f, imp, memory...)
	extra, paths := implicitImports(fset, info, symbols, append([]*ast.File{f}, memory...)...)
	if len(extra) == 0 {
		return info, nil
	}
	decls := f.Decls
	f.Decls = append(extra, decls...)
	defer func() { f.Decls = decls }()
	return check(fset, f, imp, memory...), paths
}

// implicitImports returns import declarations for the package names used in files (the
// cell and the remembered declarations) that info did not resolve, with their paths.
func implicitImports(fset *token.FileSet, info *types.Info, symbols map[string]map[string]reflect.Value, files ...*ast.File) ([]ast.Decl, []string) {
	seen := map[string]bool{}
	var decls []ast.Decl
	var paths []string
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			id, ok := sel.X.(*ast.Ident)
			if !ok || seen[id.Name] || info.Uses[id] != nil || info.Defs[id] != nil {
				return true
			}
			seen[id.Name] = true
			p, ok := packageNamed(id.Name, symbols)
			if !ok {
				return true
			}
			d, err := parser.ParseFile(fset, "imports.go", "package main\nimport "+strconv.Quote(p), 0)
			if err == nil && len(d.Decls) == 1 {
				decls, paths = append(decls, d.Decls[0]), append(paths, p)
			}
			return true
		})
	}
	return decls, paths
}

// packageNamed returns the import path of the package a cell means by name: one of the
// interpreted packages, or the one native package of the symbol tables with that name.
func packageNamed(name string, symbols map[string]map[string]reflect.Value) (string, bool) {
	if name != HelperPackage && slices.Contains(packageOrder[:], name) {
		return name, true
	}
	found := ""
	for key := range symbols {
		if path.Base(key) != name {
			continue
		}
		p := path.Dir(key)
		if found != "" && found != p {
			return "", false // math/rand or math/rand/v2: the session knows, we do not
		}
		found = p
	}
	return found, found != ""
}

// Import records that the session imported a package outside the cells given to Rewrite
// (an import piece evaluated on its own, or a package the session imports for a cell
// that uses it without importing it), so that later cells are type-checked with it.
// spec is as in the cell: an optional name and the quoted path.
func (rw *Rewriter) Import(spec *ast.ImportSpec) {
	p, err := strconv.Unquote(spec.Path.Value)
	if err != nil {
		return
	}
	if rw.imports == nil {
		rw.imports, rw.decls = map[string]string{}, map[string]string{}
	}
	s := strconv.Quote(p)
	if spec.Name != nil {
		s = spec.Name.Name + " " + s
	}
	rw.imports[p] = s
}
