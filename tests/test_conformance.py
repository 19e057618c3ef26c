"""Debian's jupyter_kernel_test against the installed gograd kernel: all twelve tests."""
import unittest

import gograd_env  # noqa: F401  (builds and installs the kernel first)
import jupyter_kernel_test


class GogradKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = gograd_env.KERNEL_NAME
    language_name = "go"
    file_extension = ".go"

    code_hello_world = 'fmt.Println("hello, world")'
    code_stderr = 'fmt.Fprintln(os.Stderr, "to stderr")'

    completion_samples = [
        {"text": "strings.TrimSp", "matches": {"TrimSpace"}},
        {"text": "fmt.Sprintl", "matches": {"Sprintln"}},
    ]

    complete_code_samples = ["x := 1", "fmt.Println(1)", "func f() int { return 1 }"]
    incomplete_code_samples = ["func f() {", "for i := 0; i < 3; i++ {", "xs := []int{1,"]
    invalid_code_samples = ["x := )", "func 1f() {}"]

    code_page_something = "?fmt.Println"

    code_generate_error = "lera + 1"

    code_execute_result = [
        {"code": "40 + 2", "result": "42"},
        {"code": "x := 20\nx * 2", "result": "40"},
    ]
    code_history_pattern = "40 + ?"
    supported_history_operations = ("tail", "range", "search")

    code_display_data = [
        {"code": 'display.HTML("<b>bold</b>")', "mime": "text/html"},
        {"code": 'display.Markdown("# Title")', "mime": "text/markdown"},
    ]

    code_inspect_sample = "fmt.Println"

    code_clear_output = "display.Clear()"


if __name__ == "__main__":
    unittest.main()
