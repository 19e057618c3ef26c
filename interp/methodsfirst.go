package interp

import (
	"context"
	"errors"
	"go/ast"
	"reflect"

	"github.com/gograd/gograd/interp/compat"
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
	own := fileObjects(f)
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
			if id := compat.ReceiverIdent(fd.Recv); id != nil && foreign[fd.Name.Name][id.Name] {
				methods.Decls = append(methods.Decls, d)
				continue
			}
		}
		rest.Decls = append(rest.Decls, d)
	}
	pullUses(methods, rest)
	if len(methods.Decls) == 0 || len(rest.Decls) == 0 {
		return nil, nil, false
	}
	return methods, rest, true
}

// pullUses moves into methods the declarations of rest that the methods use, and those
// they use in turn (func (m *Matrix) Mul calling New of the same cell), so that the
// methods compile on their own.
func pullUses(methods, rest *ast.File) {
	for moved := true; moved; {
		moved = false
		used := map[*ast.Object]bool{}
		ast.Inspect(methods, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Obj != nil {
				used[id.Obj] = true
			}
			return true
		})
		var keep []ast.Decl
		for _, d := range rest.Decls {
			if declares(d, used) {
				methods.Decls = append(methods.Decls, d)
				moved = true
			} else {
				keep = append(keep, d)
			}
		}
		rest.Decls = keep
	}
}

// declares tells whether d declares one of the objects (a function, not a method; a
// type, a var or a const).
func declares(d ast.Decl, objs map[*ast.Object]bool) bool {
	switch d := d.(type) {
	case *ast.FuncDecl:
		return d.Recv == nil && d.Name.Obj != nil && objs[d.Name.Obj]
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			switch spec := spec.(type) {
			case *ast.TypeSpec:
				if spec.Name.Obj != nil && objs[spec.Name.Obj] {
					return true
				}
			case *ast.ValueSpec:
				for _, n := range spec.Names {
					if n.Obj != nil && objs[n.Obj] {
						return true
					}
				}
			}
		}
	}
	return false
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

// evalSplit evaluates the pieces of splitForeign in order. The new Error and String
// methods go first, in a piece of their own, when the others may use them through an
// interface (func (inv *Inventory) Take returning NotFoundError{sku} as an error).
func (s *Session) evalSplit(ctx context.Context, methods, rest *ast.File, last bool) error {
	if first, others, ok := splitStringers(methods); ok {
		if err := s.evalPiece(ctx, piece{file: first}, false); err != nil {
			return err
		}
		methods = others
	}
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

// splitStringers splits the Error and String methods (no parameters, one result) off the
// other declarations of methods, with the declarations of methods they use; ok is false
// when either part would be empty.
func splitStringers(methods *ast.File) (first, others *ast.File, ok bool) {
	f, o := *methods, *methods
	first, others = &f, &o
	first.Decls, others.Decls = nil, nil
	for _, d := range methods.Decls {
		fd, isFunc := d.(*ast.FuncDecl)
		if isFunc && fd.Recv != nil && (fd.Name.Name == "Error" || fd.Name.Name == "String") &&
			fd.Type.Params.NumFields() == 0 && fd.Type.Results.NumFields() == 1 {
			first.Decls = append(first.Decls, d)
		} else {
			others.Decls = append(others.Decls, d)
		}
	}
	pullUses(first, others)
	if len(first.Decls) == 0 || len(others.Decls) == 0 {
		return nil, nil, false
	}
	return first, others, true
}
