# Validation problems: what is wrong with a field, by the stable code giamsat-app gives it
# (`problem-<code>`), with the arguments the problem carries.
