package interp

import (
	"context"
	"fmt"
)

// EvalExpression evaluates one expression for the user_expressions of an execute request
// and returns its value as a MIME bundle. It runs between cells, with the last cell's output.
func (s *Session) EvalExpression(ctx context.Context, expr string) (map[string]any, error) {
	s.run.Lock()
	defer s.run.Unlock()
	s.mu.Lock()
	s.cellCtx, s.result, s.hasResult = ctx, nil, false
	s.mu.Unlock()
	defer s.end()
	if err := s.runCell(ctx, cellFile(0), expr); err != nil {
		return nil, fmt.Errorf("interp: user expression: %w", s.cellError(err))
	}
	s.mu.Lock()
	ok := s.hasResult
	s.mu.Unlock()
	res := s.takeResult()
	if !ok || res.Data == nil {
		return nil, fmt.Errorf("interp: user expression %q has no value", expr)
	}
	return res.Data, nil
}
