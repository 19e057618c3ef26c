package interp

import (
	"context"
	"errors"
	"go/ast"
	"reflect"
)

// A cell that adds methods to a type of an earlier cell and also uses them through an
// interface (the type in one cell; func (e *E) Error() string and a func returning &E{} as
// an error in the next) cannot be probed in one piece: the probe renames the new methods,
// so its copy of the type lacks them ("cannot use (type ptr) as type error in return
// argument"). Such a cell is run as two pieces instead, the new methods first, then the
// rest: what a student would otherwise be told to do by hand.

// splitForeign returns, for a declaration file that adds methods to types of earlier cells
// and declares something else too, a copy of those methods alone and a copy of the rest.
// ok is false when there is nothing to split.
func splitForeign(f *ast.File) (methods, rest *ast.File, ok bool) {
	own := map[*ast.Object]bool{}
	if f.Scope != nil {
		for _, obj := range f.Scope.Objects {
			own[obj] = true
		}
	}
	foreign := foreignMethods(f, own)
	if len(foreign) == 0 {
		return nil, nil, false
	}
	c := deepCopy(reflect.ValueOf(f)).Interface().(*ast.File)
	m, r := *c, *c // the same package clause: yaegi resolves package names by file position
	methods, rest = &m, &r
	methods.Decls, rest.Decls = nil, nil
	for _, d := range c.Decls {
		fd, isFunc := d.(*ast.FuncDecl)
		if isFunc && fd.Recv != nil && foreign[fd.Name.Name] != nil {
			if id := recvIdent(fd.Recv); id != nil && foreign[fd.Name.Name][id.Name] {
				methods.Decls = append(methods.Decls, d)
				continue
			}
		}
		rest.Decls = append(rest.Decls, d)
	}
	if len(methods.Decls) == 0 || len(rest.Decls) == 0 {
		return nil, nil, false
	}
	return methods, rest, true
}

// evalMethodsFirst runs the two pieces of splitForeign when the probe of the whole file
// failed for want of the new methods; ran is false when it does not apply, and the
// probe's error stands.
func (s *Session) evalMethodsFirst(ctx context.Context, methods, rest *ast.File, probeErr error, last bool) (ran bool, err error) {
	var note noteError
	if !errors.As(probeErr, &note) {
		return false, nil
	}
	return true, s.evalSplit(ctx, methods, rest, last)
}

// evalSplit evaluates the pieces of splitForeign in order.
func (s *Session) evalSplit(ctx context.Context, methods, rest *ast.File, last bool) error {
	if err := s.evalPiece(ctx, piece{file: methods}, false); err != nil {
		return err
	}
	return s.evalPiece(ctx, piece{file: rest}, last)
}

// genericForeign tells whether one of the methods has a receiver of a generic type
// (func (l *List[T]) Push(v T)).
func genericForeign(methods *ast.File) bool {
	for _, d := range methods.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) > 0 {
			t := fd.Recv.List[0].Type
			if st, ok := t.(*ast.StarExpr); ok {
				t = st.X
			}
			switch t.(type) {
			case *ast.IndexExpr, *ast.IndexListExpr:
				return true
			}
		}
	}
	return false
}
