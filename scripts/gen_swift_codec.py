#!/usr/bin/env python3
"""Placeholder: replaced by the Swift codec generator."""
import os, sys
os.makedirs(sys.argv[2], exist_ok=True)
