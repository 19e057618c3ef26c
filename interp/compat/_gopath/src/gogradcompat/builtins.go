// Package gogradcompat holds the helpers that compat's rewrites call: Go 1.21 built-ins
// and range-over-func iteration, written in the subset of Go that yaegi v0.16.1 runs.
//
// Rewritten cells reach it by name without importing it: yaegi makes every compiled
// package visible under its name.
package gogradcompat

import (
	"errors"
	"reflect"
)

// BuiltinMin and BuiltinMax do not take the names Min and Max: yaegi keys the instances of
// generic functions by bare name and type arguments, so gogradcompat.Max[float64] and
// slices.Max[float64] would share one instance.

// ordered is the set of types min and max accept.
type ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

// BuiltinMin returns the smallest of its arguments, or a NaN if any argument is a NaN, as the
// built-in min does.
func BuiltinMin[T ordered](x T, ys ...T) T {
	for _, y := range ys {
		if x != x {
			return x
		}
		if y != y || y < x {
			x = y
		}
	}
	return x
}

// BuiltinMax returns the largest of its arguments, or a NaN if any argument is a NaN, as the
// built-in max does.
func BuiltinMax[T ordered](x T, ys ...T) T {
	for _, y := range ys {
		if x != x {
			return x
		}
		if y != y || y > x {
			x = y
		}
	}
	return x
}

// Clear deletes every entry of a map or sets every element of a slice to its zero value,
// as the built-in clear does.
func Clear(x any) {
	v := reflect.ValueOf(x)
	if !v.IsValid() {
		return
	}
	v.Clear()
}

// Unwrap returns what a native error wraps: the error its Unwrap() error method returns
// (fmt.Errorf's %w), or the errors of its Unwrap() []error method (errors.Join). compat's
// rewrite of errors.Is calls it after trying those methods by type assertion, which yaegi
// answers for cell types only. (It lives here because yaegi reports a second import of
// reflect in another file of the package as redeclared.)
func Unwrap(err error) (error, []error) {
	if err == nil {
		return nil, nil
	}
	if u := errors.Unwrap(err); u != nil {
		return u, nil
	}
	m := reflect.ValueOf(err).MethodByName("Unwrap")
	if !m.IsValid() || m.Type().NumIn() != 0 || m.Type().NumOut() != 1 {
		return nil, nil
	}
	if list, ok := m.Call(nil)[0].Interface().([]error); ok {
		return nil, list
	}
	return nil, nil
}
