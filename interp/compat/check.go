package compat

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"path"
	"slices"
)

// check type-checks a cell on its own and returns what go/types could learn. Errors are
// expected (names from earlier cells are unknown) and ignored: unknown expressions simply
// have no type. Imports of the interpreted packages are type-checked from their sources;
// other imports become empty packages.
// imp, if not nil, is an importer to reuse across cells; memory holds files of
// declarations that f may use (see Rewriter).
func check(fset *token.FileSet, f *ast.File, imp *sourceImporter, memory ...*ast.File) *types.Info {
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{},
		Defs:  map[*ast.Ident]types.Object{},
		Uses:  map[*ast.Ident]types.Object{},

		Instances:  map[*ast.Ident]types.Instance{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	if imp == nil {
		imp = newSourceImporter()
	}
	conf := types.Config{Importer: imp, Error: func(error) {}, FakeImportC: true}
	files := append([]*ast.File{f}, memory...)
	_, _ = conf.Check("main", fset, files, info) // errors are expected, see above
	return info
}

// newSourceImporter returns an importer with nothing imported yet.
func newSourceImporter() *sourceImporter {
	return &sourceImporter{fset: token.NewFileSet(), done: map[string]*types.Package{}}
}

// sourceImporter imports the interpreted packages from their embedded sources, and the
// native ones from the symbol tables, if any.
type sourceImporter struct {
	fset    *token.FileSet
	done    map[string]*types.Package
	natives *nativeTypes
}

// Import returns the package at path: type-checked from source for the interpreted
// packages, built from the symbol tables for native ones, an empty complete package
// otherwise.
func (s *sourceImporter) Import(p string) (*types.Package, error) {
	if pkg := s.done[p]; pkg != nil {
		return pkg, nil
	}
	if !slices.Contains(packageOrder[:], p) {
		if pkg := s.native(p); pkg != nil {
			s.done[p] = pkg
			return pkg, nil
		}
		pkg := types.NewPackage(p, path.Base(p))
		pkg.MarkComplete()
		s.done[p] = pkg
		return pkg, nil
	}
	dir := path.Join("_gopath/src", p)
	entries, err := fs.ReadDir(sources, dir)
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, e := range entries {
		src, err := fs.ReadFile(sources, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		file, err := parser.ParseFile(s.fset, path.Join(dir, e.Name()), src, 0)
		if err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	conf := types.Config{Importer: s, Error: func(error) {}}
	pkg, _ := conf.Check(p, s.fset, files, nil) // the sources are checked by the tests
	s.done[p] = pkg
	return pkg, nil
}

// native returns the native package at p built from the symbol tables, or nil if there
// is none or building it failed: a bug there must not end the kernel, the package is then
// seen as empty.
func (s *sourceImporter) native(p string) (pkg *types.Package) {
	if s.natives == nil {
		return nil
	}
	if table, _ := s.natives.table(p); table == nil {
		return nil
	}
	defer func() {
		if recover() != nil {
			pkg = nil
		}
	}()
	return s.natives.Package(p)
}
