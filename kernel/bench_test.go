package kernel

import "testing"

// BenchmarkExecuteRoundTrip measures one execute_request -> execute_reply and idle over real
// zmq4 sockets on 127.0.0.1 (ipykernel answers 1+1 in about 4-7 ms on these machines).
func BenchmarkExecuteRoundTrip(b *testing.B) {
	c := startKernel(b, testInterp{})
	for b.Loop() {
		id := c.execute("value 2", nil)
		c.reply(c.shellIn, id)
		c.iopub(id)
	}
}
