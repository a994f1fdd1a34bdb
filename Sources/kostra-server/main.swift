print("kostra")
