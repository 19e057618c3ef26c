package compat

import (
	"fmt"
	"go/token"
)

// Error is a construct that compat cannot make yaegi run correctly. Msg names the
// feature and the workaround.
type Error struct {
	Pos token.Position // where the construct starts, in the cell's own positions
	Msg string
}

// Error formats the error as "compat: line:col: message".
func (e *Error) Error() string {
	return fmt.Sprintf("compat: %d:%d: %s", e.Pos.Line, e.Pos.Column, e.Msg)
}

// sprintf is fmt.Sprintf, named for the one place messages are built.
func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
