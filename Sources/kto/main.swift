import KTOCommand
print("kto")
