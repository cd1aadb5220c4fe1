"""ctest entry for the API tests: exit 77 (skip) when pytest is missing, else pytest's code."""
import os
import sys

try:
    import pytest
except ImportError:
    print("SKIP: pytest is not installed for", sys.executable, "(apt-get install python3-pytest)")
    sys.exit(77)

here = os.path.dirname(os.path.abspath(__file__))
tests = [os.path.join(here, name) for name in ("test_api.py", "test_hardening.py")]
sys.exit(pytest.main(["-q", "-p", "no:cacheprovider", *tests, *sys.argv[1:]]))
