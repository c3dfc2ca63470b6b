#!/bin/sh
# Unit tests of hart's pieces, built with the sanitizers.
exec "$BUILD/unit-tests"
