print("kostra-client")
