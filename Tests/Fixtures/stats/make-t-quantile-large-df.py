# Writes t_quantile_large_df.csv: upper-tail Student t quantiles t with P(T > t) = q for df
# from 3 to 400,000 (most of them large), to 40 significant digits, with mpmath (50-digit
# arithmetic; root of the regularized incomplete beta function, I_{df/(df+t^2)}(df/2, 1/2) / 2 = q).
#   python3 Tests/Fixtures/stats/make-t-quantile-large-df.py > Tests/Fixtures/stats/t_quantile_large_df.csv
import mpmath as mp

mp.mp.dps = 50
qs = ['0.45', '0.25', '0.1', '0.05', '0.025', '0.02', '0.01', '0.005', '0.001', '0.0005',
      '0.0001', '0.00001', '0.000001', '0.00000001']
dfs = ['3', '5', '7.3', '10', '30', '45.67', '100', '150', '200', '250', '300', '500', '799.5', '800', '1000', '1234.5', '2000', '5000',
       '16666', '33333', '100000', '400000']
print('q,df,t')
for qs_ in qs:
    q = mp.mpf(qs_)
    z = -mp.sqrt(2) * mp.erfinv(2 * q - 1)
    for dfs_ in dfs:
        df = mp.mpf(dfs_)
        tail = lambda t: mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True) / 2 - q
        t = mp.findroot(tail, z * (1 + (z * z + 1) / (4 * df)))
        print(f'{qs_},{dfs_},{mp.nstr(t, 40, strip_zeros=False)}')
