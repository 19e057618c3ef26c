package gogradcompat

import "fmt"

// Text returns a value that fmt prints as s under %v, %s, %q, %x and %X, as it prints a
// value whose String or Error method returns s. compat's print rewrites put it in place
// of cell values that yaegi would print without their methods. It is a native error
// value, so fmt.Print still puts spaces around it as around any operand that is not a
// string. (fmt.Errorf, not errors.New: yaegi reports a second import of errors in the
// package as redeclared.)
func Text(s string) any { return fmt.Errorf("%s", s) }

// Fields returns the text fmt prints under spec ("%v", "%-8s") for a struct with these
// field values: each formatted as an element of a []any, which fmt formats at the depth of
// a struct field and with the same verb, in braces. (A slice, not variadic: yaegi spreads
// a []any given as one variadic argument.)
func Fields(spec string, values []any) string {
	s := fmt.Sprintf(spec, values)
	return "{" + s[1:len(s)-1] + "}"
}
