"""Run a module or script and report its peak memory: python bench/measure.py (-m MODULE | SCRIPT) ARGS…"""

import resource
import runpy
import sys

target, *rest = sys.argv[1:]
if target == "-m":
    module, *rest = rest
    sys.argv = [module, *rest]
    runner = lambda: runpy.run_module(module, run_name="__main__", alter_sys=True)  # noqa: E731
else:
    sys.argv = [target, *rest]
    runner = lambda: runpy.run_path(target, run_name="__main__")  # noqa: E731
code = 0
try:
    runner()
except SystemExit as exit_:
    code = exit_.code or 0
sys.stderr.write(f"\nPEAK_KB {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\n")
sys.exit(code)
