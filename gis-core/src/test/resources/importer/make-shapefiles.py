import struct, os, shutil
def ring_cw(x0,y0,x1,y1):  # clockwise: (x0,y0)->(x0,y1)->(x1,y1)->(x1,y0)->(x0,y0)
    return [(x0,y0),(x0,y1),(x1,y1),(x1,y0),(x0,y0)]
def ring_ccw(x0,y0,x1,y1):
    return list(reversed(ring_cw(x0,y0,x1,y1)))
recs=[
 [ring_cw(441000,3508000,441200,3508200), ring_ccw(441050,3508050,441100,3508100)],
 [ring_cw(441500,3508000,441600,3508100), ring_cw(441500,3508300,441600,3508400)],
]
def poly(parts):
    pts=[p for r in parts for p in r]
    xs=[p[0] for p in pts]; ys=[p[1] for p in pts]
    b=struct.pack('<i4d2i',5,min(xs),min(ys),max(xs),max(ys),len(parts),len(pts))
    off=0
    for r in parts:
        b+=struct.pack('<i',off); off+=len(r)
    for x,y in pts: b+=struct.pack('<2d',x,y)
    return b
contents=[poly(p) for p in recs]
allpts=[p for r in recs for ring in r for p in ring]
bbox=(min(p[0] for p in allpts),min(p[1] for p in allpts),max(p[0] for p in allpts),max(p[1] for p in allpts))
def header(length_bytes):
    return struct.pack('>7i',9994,0,0,0,0,0,length_bytes//2)+struct.pack('<2i4d4d',1000,5,*bbox,0,0,0,0)
body=b''; shx=b''; off=100
for i,c in enumerate(contents):
    shx+=struct.pack('>2i',off//2,len(c)//2)
    body+=struct.pack('>2i',i+1,len(c)//2)+c; off+=8+len(c)
shp=header(100+len(body))+body
shxb=header(100+len(shx))+shx
def dbf(enc):
    fields=[('XMMC','C',40,0),('YDMJ','N',12,2),('BH','N',5,0)]
    rows=[('白果河泵站',37500.0,1),('清水河堤防',15000.0,2)]
    reclen=1+sum(f[2] for f in fields); hl=32+32*len(fields)+1
    h=struct.pack('<B3BIHH20x',3,126,11,28,len(rows),hl,reclen)
    h=h[:29]+bytes([0x4D if enc=='gbk' else 0])+h[30:]
    for n,t,l,d in fields:
        h+=n.encode().ljust(11,b'\0')+t.encode()+b'\0'*4+bytes([l,d])+b'\0'*14
    h+=b'\r'
    for r in rows:
        h+=b' '+r[0].encode(enc).ljust(40,b' ')+('%12.2f'%r[1]).encode()+('%5d'%r[2]).encode()
    return h+b'\x1a'
prj='PROJCS["CGCS2000_3_Degree_GK_CM_114E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]'
def write(stem, enc='utf-8', cpg=True, withdbf=True, withprj=True, shpbytes=shp):
    open(stem+'.shp','wb').write(shpbytes); open(stem+'.shx','wb').write(shxb)
    if withdbf: open(stem+'.dbf','wb').write(dbf(enc))
    if withprj: open(stem+'.prj','w').write(prj)
    if cpg: open(stem+'.cpg','w').write('UTF-8' if enc=='utf-8' else 'GBK')
write('sites-utf8')
write('sites-gbk', enc='gbk', cpg=False)
write('sites-nodbf', withdbf=False, cpg=False)
write('sites-noprj', withprj=False)
write('sites-truncated', shpbytes=shp[:-40])
